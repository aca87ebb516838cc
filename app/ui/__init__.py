"""The PySide6 desktop application: the only package that imports Qt.

Widgets reach Qt through ``app.ui.qt``, one module that re-exports what the UI uses, so a
check can see every Qt dependency in one place. Services are called off the UI thread; this
package only paints.
"""
