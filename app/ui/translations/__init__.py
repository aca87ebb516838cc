"""The app's translations: Qt Linguist sources (``promptdesk_<lang>.ts``) and compiled ``.qm``.

``scripts/translations.py`` refreshes the sources from the code (``pyside6-lupdate``), fills
English plural forms, and compiles them (``pyside6-lrelease``); :mod:`app.ui.i18n` loads them.
The compiled files are committed, so installing the app needs no Qt tools.
"""
