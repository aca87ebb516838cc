<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name></name>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Text, several lines allowed</source>
        <translation>Text, mehrere Zeilen möglich</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Path to a file</source>
        <translation>Pfad zu einer Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>Durchsuchen für %1</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>Choose a file for %1</source>
        <translation>Datei für %1 auswählen</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>Von %1 bis %2</translation>
    </message>
    <message>
        <source>At least %1</source>
        <translation>Mindestens %1</translation>
    </message>
    <message>
        <source>At most %1</source>
        <translation>Höchstens %1</translation>
    </message>
    <message>
        <source>Runs on this computer</source>
        <translation>Läuft auf diesem Computer</translation>
    </message>
    <message>
        <source>Runs on this computer, through %1</source>
        <translation>Läuft auf diesem Computer, über %1</translation>
    </message>
    <message>
        <source>Sends the text of your files to %1</source>
        <translation>Sendet den Text Ihrer Dateien an %1</translation>
    </message>
</context>
<context>
    <name>ABDialog</name>
    <message>
        <source>A/B test — %1</source>
        <translation>A/B-Test — %1</translation>
    </message>
    <message>
        <source>Run every test case of &apos;%1&apos; on two sides and test whether one passes more often than chance would explain.</source>
        <translation>Führt jeden Testfall von „%1“ auf zwei Seiten aus und prüft, ob eine Seite häufiger besteht, als der Zufall erklären würde.</translation>
    </message>
    <message>
        <source>Two versions</source>
        <translation>Zwei Versionen</translation>
    </message>
    <message>
        <source>Two models</source>
        <translation>Zwei Modelle</translation>
    </message>
    <message>
        <source>Version A</source>
        <translation>Version A</translation>
    </message>
    <message>
        <source>Version B</source>
        <translation>Version B</translation>
    </message>
    <message>
        <source>Version both models run</source>
        <translation>Version für beide Modelle</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>How many times each case runs on each side (about ten results a side are needed before a winner is called)</source>
        <translation>Wie oft jeder Fall auf jeder Seite ausgeführt wird (etwa zehn Ergebnisse pro Seite sind nötig, bevor ein Sieger feststeht)</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Run A/B test</source>
        <translation>A/B-Test ausführen</translation>
    </message>
    <message>
        <source>Choose both A and B.</source>
        <translation>Wählen Sie sowohl A als auch B.</translation>
    </message>
    <message>
        <source>A and B are the same: choose two different ones.</source>
        <translation>A und B sind identisch: Wählen Sie zwei verschiedene.</translation>
    </message>
</context>
<context>
    <name>ABPanel</name>
    <message>
        <source>No A/B result</source>
        <translation>Kein A/B-Ergebnis</translation>
    </message>
    <message>
        <source>Prompt ▸ A/B test… runs two versions (or two models) over the same test cases, several times each, and says here whether one is really better.</source>
        <translation>Prompt ▸ A/B-Test… führt zwei Versionen (oder zwei Modelle) jeweils mehrmals über dieselben Testfälle aus und zeigt hier, ob eine Seite wirklich besser ist.</translation>
    </message>
    <message>
        <source>%1 (Fisher&apos;s exact test, two-sided)</source>
        <translation>%1 (exakter Fisher-Test, zweiseitig)</translation>
    </message>
    <message>
        <source>Scores: %1</source>
        <translation>Scores: %1</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>Bestehensquote</translation>
    </message>
    <message>
        <source>Mean score</source>
        <translation>Mittlerer Score</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>About</name>
    <message>
        <source>&lt;h3&gt;Promptdesk %1&lt;/h3&gt;&lt;p&gt;A local-first workbench for prompt engineering: a versioned library of prompt templates, local and remote models, file context, comparisons and history.&lt;/p&gt;&lt;p&gt;Everything you write is stored encrypted on this computer. Nothing leaves it unless you run a remote model.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Promptdesk %1&lt;/h3&gt;&lt;p&gt;Eine lokale Werkbank für Prompt-Engineering: eine versionierte Bibliothek von Prompt-Vorlagen, lokale und Remote-Modelle, Dateikontext, Vergleiche und Verlauf.&lt;/p&gt;&lt;p&gt;Alles, was Sie schreiben, wird verschlüsselt auf diesem Computer gespeichert. Nichts verlässt ihn, außer Sie führen ein Remote-Modell aus.&lt;/p&gt;&lt;p&gt;Lizenziert unter der Apache License 2.0.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AddSourceDialog</name>
    <message>
        <source>Add a context source</source>
        <translation>Kontextquelle hinzufügen</translation>
    </message>
    <message>
        <source>Folder or file</source>
        <translation>Ordner oder Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>e.g. *.md, docs/*  (empty: everything)</source>
        <translation>z. B. *.md, docs/*  (leer: alles)</translation>
    </message>
    <message>
        <source>e.g. drafts/*, *.log</source>
        <translation>z. B. drafts/*, *.log</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Einschließen</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>Ausschließen</translation>
    </message>
    <message>
        <source>.gitignore is respected; hidden files and files over the size limit are skipped.</source>
        <translation>.gitignore wird beachtet; versteckte Dateien und Dateien über der Größenbeschränkung werden übersprungen.</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Ordner auswählen</translation>
    </message>
</context>
<context>
    <name>AnswersDialog</name>
    <message>
        <source>Sync is waiting for you</source>
        <translation>Die Synchronisierung wartet auf Sie</translation>
    </message>
    <message>
        <source>Nothing is waiting for an answer.</source>
        <translation>Nichts wartet auf eine Antwort.</translation>
    </message>
    <message>
        <source>A sync of %1 would delete %2 of its %3 prompts. Nothing has been deleted: delete them here too, or keep them (they are shared again, for everyone).</source>
        <translation>Eine Synchronisierung von %1 würde %2 seiner %3 Prompts löschen. Noch wurde nichts gelöscht: Löschen Sie sie auch hier oder behalten Sie sie (dann werden sie wieder für alle geteilt).</translation>
    </message>
    <message>
        <source>Delete them</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Not connected: try again once the sync is online.</source>
        <translation>Keine Verbindung: Versuchen Sie es erneut, sobald die Synchronisierung online ist.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2) was restored on the server from a backup.</source>
        <translation>„%1“ (%2) wurde auf dem Server aus einer Sicherung wiederhergestellt.</translation>
    </message>
    <message>
        <source>Loading the server&apos;s copy…</source>
        <translation>Kopie des Servers wird geladen…</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Auf dem Server</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Keep the server&apos;s</source>
        <translation>Stand des Servers behalten</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Meinen Stand behalten</translation>
    </message>
    <message>
        <source>label</source>
        <translation>das Label</translation>
    </message>
    <message>
        <source>branch</source>
        <translation>der Zweig</translation>
    </message>
    <message>
        <source>The %1 &apos;%2&apos; of &apos;%3&apos; was moved by %4 while yours pointed elsewhere. Take theirs, keep yours (it replaces theirs on the server), or merge both.</source>
        <translation>In „%3“ wurde %1 „%2“ von %4 verschoben, während Ihr Stand auf eine andere Version zeigte. Übernehmen Sie deren Stand, behalten Sie Ihren (er ersetzt deren Stand auf dem Server) oder führen Sie beide zusammen.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>jemandem</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Deren Stand übernehmen</translation>
    </message>
    <message>
        <source>Merge both</source>
        <translation>Beide zusammenführen</translation>
    </message>
</context>
<context>
    <name>CellDetail</name>
    <message>
        <source>Cell detail</source>
        <translation>Zellendetails</translation>
    </message>
    <message>
        <source>Click a cell of the matrix to see its output and why it passed or not.</source>
        <translation>Klicken Sie auf eine Zelle der Matrix, um ihre Ausgabe zu sehen und warum sie bestanden hat oder nicht.</translation>
    </message>
    <message>
        <source>Repeat %1 of %2</source>
        <translation>Wiederholung %1 von %2</translation>
    </message>
    <message>
        <source>Not run yet</source>
        <translation>Noch nicht ausgeführt</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>Score %1</translation>
    </message>
    <message>
        <source>%1 tokens in, %2 out</source>
        <translation>%1 Token Eingabe, %2 Ausgabe</translation>
    </message>
    <message>
        <source>from the cache</source>
        <translation>aus dem Cache</translation>
    </message>
    <message>
        <source>(the model wrote nothing)</source>
        <translation>(das Modell hat nichts geschrieben)</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Assertions</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Sent to the model</source>
        <translation>An das Modell gesendet</translation>
    </message>
    <message>
        <source>Assertion</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktzahl</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Judge %1</source>
        <translation>Bewertet von %1</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Bewertungskriterien</translation>
    </message>
    <message>
        <source>Raw answer</source>
        <translation>Rohantwort</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>Befehlspalette</translation>
    </message>
    <message>
        <source>Search commands</source>
        <translation>Befehle suchen</translation>
    </message>
    <message>
        <source>Type a command or prompt name…</source>
        <translation>Befehl oder Prompt-Namen eingeben…</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <source>No matching commands</source>
        <translation>Keine passenden Befehle</translation>
    </message>
</context>
<context>
    <name>CompareColumn</name>
    <message numerus="yes">
        <source>Model for column %n</source>
        <translation>
            <numerusform>Modell für Spalte %n</numerusform>
            <numerusform>Modell für Spalte %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Version for column %n</source>
        <translation>
            <numerusform>Version für Spalte %n</numerusform>
            <numerusform>Version für Spalte %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Which version of the prompt this column runs</source>
        <translation>Welche Version des Prompts diese Spalte ausführt</translation>
    </message>
    <message>
        <source>Parameters for this column only (on top of the shared ones)</source>
        <translation>Parameter nur für diese Spalte (zusätzlich zu den gemeinsamen)</translation>
    </message>
    <message>
        <source>Working copy</source>
        <translation>Arbeitskopie</translation>
    </message>
</context>
<context>
    <name>ComparePicker</name>
    <message>
        <source>Compare with…</source>
        <translation>Vergleichen mit…</translation>
    </message>
    <message>
        <source>Compare the run of %1 (%2) with:</source>
        <translation>Den Lauf von %1 (%2) vergleichen mit:</translation>
    </message>
    <message>
        <source>The run to compare with</source>
        <translation>Der Lauf, mit dem verglichen wird</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Run the prompt on every column&apos;s model (%1)</source>
        <translation>Prompt mit dem Modell jeder Spalte ausführen (%1)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stop every run</source>
        <translation>Alle Läufe stoppen</translation>
    </message>
    <message>
        <source>Stop every run (%1)</source>
        <translation>Alle Läufe stoppen (%1)</translation>
    </message>
    <message>
        <source>Add column</source>
        <translation>Spalte hinzufügen</translation>
    </message>
    <message>
        <source>Remove column</source>
        <translation>Spalte entfernen</translation>
    </message>
    <message>
        <source>Parameters for every column (a column&apos;s own ones win)</source>
        <translation>Parameter für alle Spalten (die eigenen einer Spalte haben Vorrang)</translation>
    </message>
    <message>
        <source>Add a column</source>
        <translation>Spalte hinzufügen</translation>
    </message>
    <message>
        <source>Remove the last column</source>
        <translation>Letzte Spalte entfernen</translation>
    </message>
</context>
<context>
    <name>ContextPage</name>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>How folders you give as context are split, embedded and watched. Chunk sizes apply to files indexed after a change.</source>
        <translation>Wie als Kontext angegebene Ordner aufgeteilt, eingebettet und überwacht werden. Chunk-Größen gelten für Dateien, die nach einer Änderung indexiert werden.</translation>
    </message>
</context>
<context>
    <name>ContextSearchPanel</name>
    <message>
        <source>Search your files</source>
        <translation>Dateien durchsuchen</translation>
    </message>
    <message>
        <source>Search your files…</source>
        <translation>Dateien durchsuchen…</translation>
    </message>
    <message>
        <source>Search mode</source>
        <translation>Suchmodus</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Add to context</source>
        <translation>Zum Kontext hinzufügen</translation>
    </message>
    <message>
        <source>Add the selected result to the context tray (Enter)</source>
        <translation>Ausgewähltes Ergebnis zur Kontextablage hinzufügen (Enter)</translation>
    </message>
    <message>
        <source>Type to search your context sources.</source>
        <translation>Tippen, um die Kontextquellen zu durchsuchen.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Ergebnis</numerusform>
            <numerusform>%n Ergebnisse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContextTray</name>
    <message>
        <source>Context for the next run</source>
        <translation>Kontext für den nächsten Lauf</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>Datei hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Token budget</source>
        <translation>Token-Budget</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Token</translation>
    </message>
    <message>
        <source>Budget used</source>
        <translation>Verbrauchtes Budget</translation>
    </message>
    <message>
        <source>Drop files or search results here.</source>
        <translation>Dateien oder Suchergebnisse hier ablegen.</translation>
    </message>
    <message>
        <source>The exact context the run will send</source>
        <translation>Der genaue Kontext, den der Lauf senden wird</translation>
    </message>
    <message>
        <source>The exact context the run will send.</source>
        <translation>Der genaue Kontext, den der Lauf senden wird.</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Add a file as context</source>
        <translation>Datei als Kontext hinzufügen</translation>
    </message>
    <message>
        <source>0 tokens</source>
        <translation>0 Token</translation>
    </message>
    <message>
        <source>%1 of %2 tokens</source>
        <translation>%1 von %2 Token</translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s) sent</source>
        <translation>
            <numerusform>%n Teil gesendet</numerusform>
            <numerusform>%n Teile gesendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n left out (over budget)</source>
        <translation>
            <numerusform>; %n ausgelassen (über Budget)</numerusform>
            <numerusform>; %n ausgelassen (über Budget)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <source>Differences</source>
        <translation>Unterschiede</translation>
    </message>
</context>
<context>
    <name>EvalsView</name>
    <message>
        <source>Cell</source>
        <translation>Zelle</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>A/B result</source>
        <translation>A/B-Ergebnis</translation>
    </message>
    <message>
        <source>No evaluations yet. Add test cases in the prompt&apos;s Tests tab, then Run tests (Prompt ▸ Run tests) to see each case pass or fail here.</source>
        <translation>Noch keine Auswertungen. Fügen Sie im Tab „Tests“ des Prompts Testfälle hinzu und führen Sie dann die Tests aus (Prompt ▸ Tests ausführen), um hier zu sehen, welche Fälle bestehen oder fehlschlagen.</translation>
    </message>
    <message>
        <source>An evaluation is running: stop it or wait for it first.</source>
        <translation>Eine Auswertung läuft: Stoppen Sie sie oder warten Sie zuerst, bis sie fertig ist.</translation>
    </message>
    <message>
        <source>Stopping after the cells already running…</source>
        <translation>Wird nach den bereits laufenden Zellen gestoppt…</translation>
    </message>
    <message>
        <source>Run the tests twice to compare two runs.</source>
        <translation>Führen Sie die Tests zweimal aus, um zwei Läufe zu vergleichen.</translation>
    </message>
    <message>
        <source>Eval runs</source>
        <translation>Auswertungsläufe</translation>
    </message>
    <message>
        <source>Matrix of results</source>
        <translation>Ergebnismatrix</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Run the cells this stopped run left</source>
        <translation>Die Zellen ausführen, die dieser gestoppte Lauf übrig gelassen hat</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Vergleichen mit…</translation>
    </message>
    <message>
        <source>What regressed and what was fixed since a run</source>
        <translation>Was sich seit einem Lauf verschlechtert hat und was behoben wurde</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stop the eval; Resume runs the rest later</source>
        <translation>Auswertung stoppen; „Fortsetzen“ führt den Rest später aus</translation>
    </message>
    <message>
        <source>Total: %1 of %2 passed (%3)</source>
        <translation>Gesamt: %1 von %2 bestanden (%3)</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>Kosten %1</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Token</translation>
    </message>
    <message>
        <source>errors: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>%1 not run</source>
        <translation>%1 nicht ausgeführt</translation>
    </message>
    <message>
        <source>%1 from the cache</source>
        <translation>%1 aus dem Cache</translation>
    </message>
    <message>
        <source>Could not load the evaluations: %1</source>
        <translation>Auswertungen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>%1 / %2 cells</source>
        <translation>%1 / %2 Zellen</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Restzeit %1</translation>
    </message>
    <message>
        <source>Evaluation stopped: Resume runs the cells left.</source>
        <translation>Auswertung gestoppt: „Fortsetzen“ führt die übrigen Zellen aus.</translation>
    </message>
    <message>
        <source>Evaluation finished.</source>
        <translation>Auswertung abgeschlossen.</translation>
    </message>
</context>
<context>
    <name>Evaluations</name>
    <message>
        <source>working copy</source>
        <translation>Arbeitskopie</translation>
    </message>
    <message>
        <source>%1 passed (%2) · score %3</source>
        <translation>%1 bestanden (%2) · Score %3</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Token</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Find (Ctrl+F)</source>
        <translation>Suchen (Ctrl+F)</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <source>Replace with (Ctrl+H)</source>
        <translation>Ersetzen durch (Ctrl+H)</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n</source>
        <translation>
            <numerusform>%n ersetzt</numerusform>
            <numerusform>%n ersetzt</numerusform>
        </translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Keine Ergebnisse</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up Promptdesk</source>
        <translation>Promptdesk einrichten</translation>
    </message>
    <message>
        <source>Creating your encrypted library…</source>
        <translation>Verschlüsselte Bibliothek wird erstellt…</translation>
    </message>
    <message>
        <source>Protecting your library as you chose…</source>
        <translation>Ihre Bibliothek wird wie gewählt geschützt…</translation>
    </message>
    <message>
        <source>Your library is ready.</source>
        <translation>Ihre Bibliothek ist bereit.</translation>
    </message>
    <message>
        <source>Your library now opens with your new choice. The recovery key stays the same.</source>
        <translation>Ihre Bibliothek wird jetzt auf die neu gewählte Weise geöffnet. Der Wiederherstellungsschlüssel bleibt derselbe.</translation>
    </message>
    <message>
        <source>Ready. Your library has a few example prompts to try.</source>
        <translation>Fertig. Ihre Bibliothek enthält einige Beispiel-Prompts zum Ausprobieren.</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Etwas ist schiefgelaufen: %1</translation>
    </message>
</context>
<context>
    <name>Gallery</name>
    <message>
        <source>Open a prompt to publish it.</source>
        <translation>Öffnen Sie einen Prompt, um ihn zu veröffentlichen.</translation>
    </message>
    <message>
        <source>Commit your changes first: the gallery publishes versions.</source>
        <translation>Schreiben Sie Ihre Änderungen zuerst fest: Die Galerie veröffentlicht Versionen.</translation>
    </message>
    <message>
        <source>Published release %1.</source>
        <translation>Release %1 veröffentlicht.</translation>
    </message>
    <message>
        <source>Published “%1”: a moderator reviews it before it is public.</source>
        <translation>„%1“ veröffentlicht: Ein Moderator prüft den Eintrag, bevor er öffentlich sichtbar wird.</translation>
    </message>
    <message>
        <source>Pull upstream…</source>
        <translation>Upstream abrufen…</translation>
    </message>
    <message>
        <source>Open a forked prompt to pull its upstream.</source>
        <translation>Öffnen Sie einen geforkten Prompt, um seinen Upstream abzurufen.</translation>
    </message>
    <message>
        <source>Commit your changes first, then pull upstream.</source>
        <translation>Schreiben Sie zuerst Ihre Änderungen fest und rufen Sie dann den Upstream ab.</translation>
    </message>
    <message>
        <source>“%1” is up to date with its upstream.</source>
        <translation>„%1“ ist auf dem Stand seines Upstreams.</translation>
    </message>
    <message>
        <source>Merged release %1 from upstream; your edits are kept.</source>
        <translation>Release %1 aus dem Upstream zusammengeführt; Ihre Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
</context>
<context>
    <name>GalleryPage</name>
    <message>
        <source>Example outputs</source>
        <translation>Beispielausgaben</translation>
    </message>
    <message>
        <source>Forked from</source>
        <translation>Geforkt von</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Offline: as it was at</source>
        <translation>Offline: Stand vom</translation>
    </message>
    <message>
        <source>Passed on</source>
        <translation>Bestanden mit</translation>
    </message>
    <message>
        <source>Published forks</source>
        <translation>Veröffentlichte Forks</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Releases</source>
        <translation>Releases</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>System-Prompt</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Test cases</source>
        <translation>Testfälle</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>by</source>
        <translation>von</translation>
    </message>
    <message>
        <source>forks</source>
        <translation>Forks</translation>
    </message>
    <message>
        <source>its parent entry</source>
        <translation>dem Originaleintrag</translation>
    </message>
    <message>
        <source>no ratings yet</source>
        <translation>noch keine Bewertungen</translation>
    </message>
    <message>
        <source>release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>uses</source>
        <translation>Verwendungen</translation>
    </message>
    <message>
        <source>Media &amp; entertainment</source>
        <translation>Medien &amp; Unterhaltung</translation>
    </message>
    <message>
        <source>Healthcare &amp; life sciences</source>
        <translation>Gesundheitswesen &amp; Life Sciences</translation>
    </message>
    <message>
        <source>Retail</source>
        <translation>Einzelhandel</translation>
    </message>
    <message>
        <source>Manufacturing</source>
        <translation>Fertigung</translation>
    </message>
    <message>
        <source>Automotive</source>
        <translation>Automobilindustrie</translation>
    </message>
    <message>
        <source>Financial services</source>
        <translation>Finanzdienstleistungen</translation>
    </message>
    <message>
        <source>Gaming</source>
        <translation>Gaming</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <source>Best match</source>
        <translation>Beste Treffer</translation>
    </message>
    <message>
        <source>Top rated</source>
        <translation>Am besten bewertet</translation>
    </message>
    <message>
        <source>Most forked</source>
        <translation>Am häufigsten geforkt</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Neueste</translation>
    </message>
    <message>
        <source>Trending</source>
        <translation>Im Trend</translation>
    </message>
    <message>
        <source>Gallery — Promptdesk</source>
        <translation>Galerie — Promptdesk</translation>
    </message>
    <message>
        <source>Search templates (title, tags, text)</source>
        <translation>Vorlagen durchsuchen (Titel, Tags, Text)</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>Sortieren:</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>Alle Branchen</translation>
    </message>
    <message>
        <source>Any license</source>
        <translation>Beliebige Lizenz</translation>
    </message>
    <message>
        <source>Any rating</source>
        <translation>Beliebige Bewertung</translation>
    </message>
    <message>
        <source>%1★ and up</source>
        <translation>ab %1★</translation>
    </message>
    <message>
        <source>a tag</source>
        <translation>Tag eingeben</translation>
    </message>
    <message>
        <source>e.g. local:smollm2-135m-instruct</source>
        <translation>z. B. local:smollm2-135m-instruct</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Tested on</source>
        <translation>Getestet mit</translation>
    </message>
    <message>
        <source>Import starter templates</source>
        <translation>Startvorlagen importieren</translation>
    </message>
    <message>
        <source>Copy the starter templates into your library (works offline)</source>
        <translation>Die Startvorlagen in Ihre Bibliothek kopieren (funktioniert offline)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n starter template(s) into your library.</source>
        <translation>
            <numerusform>%n Startvorlage in Ihre Bibliothek importiert.</numerusform>
            <numerusform>%n Startvorlagen in Ihre Bibliothek importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were there already.</source>
        <translation>
            <numerusform>%n war bereits vorhanden.</numerusform>
            <numerusform>%n waren bereits vorhanden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Spam or advertising</source>
        <translation>Spam oder Werbung</translation>
    </message>
    <message>
        <source>Harmful or abusive</source>
        <translation>Schädlich oder beleidigend</translation>
    </message>
    <message>
        <source>Copies someone else&apos;s work</source>
        <translation>Kopiert die Arbeit anderer</translation>
    </message>
    <message>
        <source>Misleading description</source>
        <translation>Irreführende Beschreibung</translation>
    </message>
    <message>
        <source>Does not work as described</source>
        <translation>Funktioniert nicht wie beschrieben</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Etwas anderes</translation>
    </message>
    <message>
        <source>Try it…</source>
        <translation>Ausprobieren…</translation>
    </message>
    <message>
        <source>Fork to my library</source>
        <translation>In meine Bibliothek forken</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Bewerten</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>Melden…</translation>
    </message>
    <message>
        <source>Not signed in to a team server: sign in (Tools ▸ Team and workspaces…) to browse its gallery, or import the starter templates.</source>
        <translation>Nicht bei einem Team-Server angemeldet: Melden Sie sich an (Werkzeuge ▸ Team und Arbeitsbereiche…), um dessen Galerie zu durchsuchen, oder importieren Sie die Startvorlagen.</translation>
    </message>
    <message>
        <source>More than 1,000 templates: add words or filters</source>
        <translation>Mehr als 1.000 Vorlagen: Fügen Sie Suchbegriffe oder Filter hinzu</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation>
            <numerusform>%n Vorlage</numerusform>
            <numerusform>%n Vorlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline — the gallery as it was at %1. %2</source>
        <translation>Offline — die Galerie mit Stand vom %1. %2</translation>
    </message>
    <message numerus="yes">
        <source>%n fork(s)</source>
        <translation>
            <numerusform>%n Fork</numerusform>
            <numerusform>%n Forks</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a template to see its page.</source>
        <translation>Wählen Sie eine Vorlage, um ihre Seite anzuzeigen.</translation>
    </message>
    <message>
        <source>Forked “%1” release %2 into your library as “%3”.</source>
        <translation>Release %2 von „%1“ als „%3“ in Ihre Bibliothek geforkt.</translation>
    </message>
    <message>
        <source>Sign in to rate templates.</source>
        <translation>Melden Sie sich an, um Vorlagen zu bewerten.</translation>
    </message>
    <message>
        <source>You rated it %1★.</source>
        <translation>Ihre Bewertung: %1★.</translation>
    </message>
    <message>
        <source>Sign in to report templates.</source>
        <translation>Melden Sie sich an, um Vorlagen melden zu können.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Melden</translation>
    </message>
    <message>
        <source>Why should a moderator look at “%1”?</source>
        <translation>Warum sollte sich ein Moderator „%1“ ansehen?</translation>
    </message>
    <message>
        <source>Reported; a moderator will look at it.</source>
        <translation>Gemeldet; ein Moderator wird sich den Eintrag ansehen.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>No runs yet — run a prompt with Ctrl+Enter</source>
        <translation>Noch keine Läufe – führen Sie einen Prompt mit Ctrl+Enter aus</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>All prompts</source>
        <translation>Alle Prompts</translation>
    </message>
    <message>
        <source>Filter by prompt</source>
        <translation>Nach Prompt filtern</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>Alle Modelle</translation>
    </message>
    <message>
        <source>Filter by model</source>
        <translation>Nach Modell filtern</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Beliebiger Status</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Show every run</source>
        <translation>Alle Läufe anzeigen</translation>
    </message>
    <message>
        <source>Filter by date: %1</source>
        <translation>Nach Datum filtern: %1</translation>
    </message>
    <message>
        <source>Usage per day</source>
        <translation>Nutzung pro Tag</translation>
    </message>
    <message>
        <source>Selected run</source>
        <translation>Ausgewählter Lauf</translation>
    </message>
    <message>
        <source>No runs match these filters.</source>
        <translation>Keine Läufe entsprechen diesen Filtern.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens in, %2 out</source>
        <translation>%1 Token Eingabe, %2 Ausgabe</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>Kosten %1</translation>
    </message>
    <message numerus="yes">
        <source>the latest %n shown</source>
        <translation>
            <numerusform>der neueste (%n) angezeigt</numerusform>
            <numerusform>die neuesten %n angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load the run history: %1</source>
        <translation>Laufverlauf konnte nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <source>Set a label</source>
        <translation>Label setzen</translation>
    </message>
    <message>
        <source>the newest version</source>
        <translation>die neueste Version</translation>
    </message>
    <message>
        <source>Protected (moving it needs confirmation)</source>
        <translation>Geschützt (Verschieben erfordert Bestätigung)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
</context>
<context>
    <name>LibraryExchange</name>
    <message>
        <source>Import prompts</source>
        <translation>Prompts importieren</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 unchanged.</source>
        <translation>Importiert: %1 neu, %2 aktualisiert, %3 unverändert.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Export the library</source>
        <translation>Bibliothek exportieren</translation>
    </message>
    <message>
        <source>The export file is not encrypted: anyone who can read it can read every prompt, version and label in it. Keep it somewhere safe.</source>
        <translation>Die Exportdatei ist nicht verschlüsselt: Wer sie lesen kann, kann jeden Prompt, jede Version und jedes Label darin lesen. Bewahren Sie sie an einem sicheren Ort auf.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n prompt(s) to %1.</source>
        <translation>
            <numerusform>%n Prompt nach %1 exportiert.</numerusform>
            <numerusform>%n Prompts nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>LibrarySidebar</name>
    <message>
        <source>Use lowercase letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, starting and ending with a letter or digit (at most 100).</source>
        <translation>Verwenden Sie Kleinbuchstaben, Ziffern, &apos;-&apos;, &apos;_&apos; und &apos;.&apos;, am Anfang und Ende einen Buchstaben oder eine Ziffer (höchstens 100 Zeichen).</translation>
    </message>
    <message>
        <source>There is already a prompt named &apos;%1&apos;.</source>
        <translation>Es gibt bereits einen Prompt namens „%1“.</translation>
    </message>
    <message>
        <source>Search prompts</source>
        <translation>Prompts durchsuchen</translation>
    </message>
    <message>
        <source>Search prompts…</source>
        <translation>Prompts durchsuchen…</translation>
    </message>
    <message>
        <source>Folders and tags</source>
        <translation>Ordner und Tags</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <source>All prompts</source>
        <translation>Alle Prompts</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>Arbeitsbereiche</translation>
    </message>
    <message>
        <source>My library</source>
        <translation>Meine Bibliothek</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>New prompt</source>
        <translation>Neuer Prompt</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>e.g. customer-reply</source>
        <translation>z. B. kunden-antwort</translation>
    </message>
    <message>
        <source>New name for &apos;%1&apos;:</source>
        <translation>Neuer Name für „%1“:</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Rename prompt</source>
        <translation>Prompt umbenennen</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>%1 erstellt</translation>
    </message>
    <message>
        <source>Delete prompts</source>
        <translation>Prompts löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n prompt(s)? You can undo this.</source>
        <translation>
            <numerusform>%n Prompt löschen? Das lässt sich rückgängig machen.</numerusform>
            <numerusform>%n Prompts löschen? Das lässt sich rückgängig machen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n prompt(s). Undo with Ctrl+Z in the library.</source>
        <translation>
            <numerusform>%n Prompt gelöscht. Mit Ctrl+Z in der Bibliothek rückgängig machen.</numerusform>
            <numerusform>%n Prompts gelöscht. Mit Ctrl+Z in der Bibliothek rückgängig machen.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no delete to undo.</source>
        <translation>Es gibt kein Löschen, das rückgängig gemacht werden kann.</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>Wiederhergestellt.</translation>
    </message>
    <message>
        <source>New prompt…</source>
        <translation>Neuer Prompt…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
</context>
<context>
    <name>LineageText</name>
    <message numerus="yes">
        <source>Forked from “%1” — %n release(s) behind</source>
        <translation>
            <numerusform>Geforkt von „%1“ — %n Release zurück</numerusform>
            <numerusform>Geforkt von „%1“ — %n Releases zurück</numerusform>
        </translation>
    </message>
    <message>
        <source>Forked from “%1” — release %2, up to date</source>
        <translation>Geforkt von „%1“ — Release %2, aktuell</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Promptdesk</source>
        <translation>Promptdesk</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Open a prompt from the library, or press %1 to create one.</source>
        <translation>Öffnen Sie einen Prompt aus der Bibliothek oder drücken Sie %1, um einen neuen zu erstellen.</translation>
    </message>
    <message>
        <source>Select one prompt to %1.</source>
        <translation>Wählen Sie genau einen Prompt zum %1 aus.</translation>
    </message>
    <message>
        <source>Open or select a prompt first.</source>
        <translation>Öffnen oder wählen Sie zuerst einen Prompt aus.</translation>
    </message>
    <message>
        <source>rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is read-only: you are a viewer in its workspace.</source>
        <translation>„%1“ ist schreibgeschützt: Sie sind in seinem Arbeitsbereich nur Betrachter.</translation>
    </message>
    <message>
        <source>Open a prompt first.</source>
        <translation>Öffnen Sie zuerst einen Prompt.</translation>
    </message>
    <message numerus="yes">
        <source>Declared %n variable(s).</source>
        <translation>
            <numerusform>%n Variable deklariert.</numerusform>
            <numerusform>%n Variablen deklariert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every variable the template uses is declared.</source>
        <translation>Alle in der Vorlage verwendeten Variablen sind deklariert.</translation>
    </message>
    <message>
        <source>The new language applies when Promptdesk next starts.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Promptdesk.</translation>
    </message>
    <message>
        <source>%1 (label)</source>
        <translation>%1 (Label)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Auswertungen</translation>
    </message>
    <message>
        <source>Workbench</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>New prompt…</source>
        <translation>Neuer Prompt…</translation>
    </message>
    <message>
        <source>Duplicate prompt</source>
        <translation>Prompt duplizieren</translation>
    </message>
    <message>
        <source>Rename prompt…</source>
        <translation>Prompt umbenennen…</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>Delete prompt…</source>
        <translation>Prompt löschen…</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>Import prompts…</source>
        <translation>Prompts importieren…</translation>
    </message>
    <message>
        <source>Export library…</source>
        <translation>Bibliothek exportieren…</translation>
    </message>
    <message>
        <source>Close tab</source>
        <translation>Tab schließen</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Ausschneiden</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Alles auswählen</translation>
    </message>
    <message>
        <source>Find in the template…</source>
        <translation>In der Vorlage suchen…</translation>
    </message>
    <message>
        <source>Replace in the template…</source>
        <translation>In der Vorlage ersetzen…</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Bibliothek durchsuchen</translation>
    </message>
    <message>
        <source>Command palette…</source>
        <translation>Befehlspalette…</translation>
    </message>
    <message>
        <source>Show Run</source>
        <translation>„Ausführen“ anzeigen</translation>
    </message>
    <message>
        <source>Show Compare</source>
        <translation>„Vergleichen“ anzeigen</translation>
    </message>
    <message>
        <source>Show Versions</source>
        <translation>Versionen anzeigen</translation>
    </message>
    <message>
        <source>Show History</source>
        <translation>Verlauf anzeigen</translation>
    </message>
    <message>
        <source>Show Context</source>
        <translation>Kontext anzeigen</translation>
    </message>
    <message>
        <source>Show Evaluations</source>
        <translation>Auswertungen anzeigen</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>Switch light and dark theme</source>
        <translation>Zwischen hellem und dunklem Design wechseln</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Run tests</source>
        <translation>Tests ausführen</translation>
    </message>
    <message>
        <source>A/B test…</source>
        <translation>A/B-Test…</translation>
    </message>
    <message>
        <source>Declare used variables</source>
        <translation>Verwendete Variablen deklarieren</translation>
    </message>
    <message>
        <source>Share to workspace…</source>
        <translation>In Arbeitsbereich teilen…</translation>
    </message>
    <message>
        <source>Publish to the gallery…</source>
        <translation>In der Galerie veröffentlichen…</translation>
    </message>
    <message>
        <source>Pull upstream…</source>
        <translation>Upstream abrufen…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Team and workspaces…</source>
        <translation>Team und Arbeitsbereiche…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About Promptdesk</source>
        <translation>Über Promptdesk</translation>
    </message>
    <message>
        <source>Commit version…</source>
        <translation>Version festschreiben…</translation>
    </message>
    <message>
        <source>New branch…</source>
        <translation>Neuer Zweig…</translation>
    </message>
    <message>
        <source>Switch branch…</source>
        <translation>Zweig wechseln…</translation>
    </message>
    <message>
        <source>Merge branch…</source>
        <translation>Zweig zusammenführen…</translation>
    </message>
    <message>
        <source>Set label…</source>
        <translation>Label setzen…</translation>
    </message>
    <message>
        <source>Add context folder…</source>
        <translation>Kontextordner hinzufügen…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptsymbolleiste</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>%1 — Promptdesk</source>
        <translation>%1 — Promptdesk</translation>
    </message>
    <message>
        <source>Open a prompt to run it.</source>
        <translation>Öffnen Sie einen Prompt, um ihn auszuführen.</translation>
    </message>
    <message>
        <source>Select one prompt to share.</source>
        <translation>Wählen Sie einen einzelnen Prompt zum Teilen aus.</translation>
    </message>
    <message>
        <source>Sign in to a team sync server first (Settings ▸ Team).</source>
        <translation>Melden Sie sich zuerst bei einem Team-Sync-Server an (Einstellungen ▸ Team).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already in %2.</source>
        <translation>„%1“ ist bereits in %2.</translation>
    </message>
    <message>
        <source>You have no workspace you can add prompts to: create one in Settings ▸ Team.</source>
        <translation>Sie haben keinen Arbeitsbereich, in den Sie Prompts aufnehmen können: Legen Sie unter Einstellungen ▸ Team einen an.</translation>
    </message>
    <message>
        <source>Shared &apos;%1&apos; to %2.</source>
        <translation>„%1“ in %2 geteilt.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <source>Open a prompt to run its tests.</source>
        <translation>Öffnen Sie einen Prompt, um seine Tests auszuführen.</translation>
    </message>
    <message>
        <source>Open a prompt to A/B test it.</source>
        <translation>Öffnen Sie einen Prompt, um einen A/B-Test damit durchzuführen.</translation>
    </message>
    <message>
        <source>An evaluation is running: stop it or wait for it first.</source>
        <translation>Eine Auswertung läuft: Stoppen Sie sie oder warten Sie zuerst, bis sie fertig ist.</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Totals</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>%1 of %2 results finished, %3 errors, %4 from the cache</source>
        <translation>%1 von %2 Ergebnissen fertig, %3 Fehler, %4 aus dem Cache</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Click for the output and each assertion&apos;s reason.</source>
        <translation>Klicken, um die Ausgabe und die Begründung jeder Prüfung zu sehen.</translation>
    </message>
</context>
<context>
    <name>MembersDialog</name>
    <message>
        <source>Members of %1</source>
        <translation>Mitglieder von %1</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Beigetreten</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Mitglied entfernen</translation>
    </message>
    <message>
        <source>Email (optional: only they may join)</source>
        <translation>E-Mail (optional: nur diese Person kann beitreten)</translation>
    </message>
    <message>
        <source>Create invitation</source>
        <translation>Einladung erstellen</translation>
    </message>
    <message>
        <source>The code appears here, once</source>
        <translation>Der Code wird hier einmalig angezeigt</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Invite as</source>
        <translation>Einladen als</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>Select a member first.</source>
        <translation>Wählen Sie zuerst ein Mitglied aus.</translation>
    </message>
    <message>
        <source>Remove %1 from the workspace?</source>
        <translation>%1 aus dem Arbeitsbereich entfernen?</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge %1 into %2</source>
        <translation>%1 in %2 zusammenführen</translation>
    </message>
    <message>
        <source>after the merge</source>
        <translation>nach dem Zusammenführen</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <source>The built-in model</source>
        <translation>Das integrierte Modell</translation>
    </message>
    <message>
        <source>SmolLM2 135M Instruct runs on this computer, offline, with no key.</source>
        <translation>SmolLM2 135M Instruct läuft offline auf diesem Computer, ganz ohne Schlüssel.</translation>
    </message>
    <message>
        <source>Model preparation</source>
        <translation>Modellvorbereitung</translation>
    </message>
    <message>
        <source>It is small: good for trying prompts and Promptdesk out, not for real work. For real work, add a model file (Settings › Models) or connect a provider such as OpenAI, Anthropic or a local Ollama (Settings › Providers).</source>
        <translation>Es ist klein: gut, um Prompts und Promptdesk auszuprobieren, aber nicht für echte Arbeit. Dafür fügen Sie eine Modelldatei hinzu (Einstellungen › Modelle) oder verbinden einen Anbieter wie OpenAI, Anthropic oder ein lokales Ollama (Einstellungen › Anbieter).</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Loading models…</source>
        <translation>Modelle werden geladen…</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Built-in models are small: for trying things out</source>
        <translation>Integrierte Modelle sind klein: zum Ausprobieren</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Remote</translation>
    </message>
    <message>
        <source>Add a provider&apos;s API key to list its models</source>
        <translation>API-Schlüssel eines Anbieters hinzufügen, um dessen Modelle aufzulisten</translation>
    </message>
    <message>
        <source>Add a model file…</source>
        <translation>Modelldatei hinzufügen…</translation>
    </message>
    <message>
        <source>A GGUF model file or folder on this computer, in Settings › Models</source>
        <translation>Eine GGUF-Modelldatei oder ein Modellordner auf diesem Computer, unter Einstellungen › Modelle</translation>
    </message>
    <message>
        <source>Connect a provider…</source>
        <translation>Anbieter verbinden…</translation>
    </message>
    <message>
        <source>An API key for a hosted provider, in Settings › Providers</source>
        <translation>Ein API-Schlüssel für einen gehosteten Anbieter, unter Einstellungen › Anbieter</translation>
    </message>
    <message>
        <source>Models could not be listed</source>
        <translation>Modelle konnten nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>%1 context</source>
        <translation>%1 Kontext</translation>
    </message>
    <message>
        <source>instruct</source>
        <translation>Instruct</translation>
    </message>
    <message>
        <source>base: continues text</source>
        <translation>Basis: setzt Text fort</translation>
    </message>
    <message>
        <source>prepared on first run</source>
        <translation>wird beim ersten Lauf vorbereitet</translation>
    </message>
    <message>
        <source>local server</source>
        <translation>lokaler Server</translation>
    </message>
    <message>
        <source>Instruct: follows instructions (it has a chat template)</source>
        <translation>Instruct: folgt Anweisungen (hat eine Chat-Vorlage)</translation>
    </message>
    <message>
        <source>Base: continues the text it is given; it does not follow instructions</source>
        <translation>Basis: setzt den vorgegebenen Text fort; folgt keinen Anweisungen</translation>
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation>Parameter: %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message numerus="yes">
        <source>Context: %n tokens</source>
        <translation>
            <numerusform>Kontext: %n Token</numerusform>
            <numerusform>Kontext: %n Token</numerusform>
        </translation>
    </message>
    <message>
        <source>Quantization: %1</source>
        <translation>Quantisierung: %1</translation>
    </message>
    <message>
        <source>Built in: small, for trying things out. For real work, add a model file or connect a provider.</source>
        <translation>Integriert: klein, zum Ausprobieren. Für echte Arbeit fügen Sie eine Modelldatei hinzu oder verbinden einen Anbieter.</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Local models run on this computer, without a network. Add GGUF model files, or folders of them, to use them next to the built-in model.</source>
        <translation>Lokale Modelle laufen ohne Netzwerk auf diesem Computer. Fügen Sie GGUF-Modelldateien oder Ordner mit solchen Dateien hinzu, um sie neben dem integrierten Modell zu verwenden.</translation>
    </message>
    <message>
        <source>Added model files and folders</source>
        <translation>Hinzugefügte Modelldateien und -ordner</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>Datei hinzufügen…</translation>
    </message>
    <message>
        <source>Add a .gguf model file</source>
        <translation>Eine .gguf-Modelldatei hinzufügen</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Add every .gguf file in a folder</source>
        <translation>Alle .gguf-Dateien eines Ordners hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Forget this file or folder; nothing is deleted</source>
        <translation>Diese Datei bzw. diesen Ordner vergessen; nichts wird gelöscht</translation>
    </message>
    <message>
        <source>Model files and folders</source>
        <translation>Modelldateien und -ordner</translation>
    </message>
    <message>
        <source>Add a model file</source>
        <translation>Modelldatei hinzufügen</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF-Modelle (*.gguf)</translation>
    </message>
    <message>
        <source>Add a folder of models</source>
        <translation>Modellordner hinzufügen</translation>
    </message>
    <message>
        <source>No model files added yet; the built-in model is used.</source>
        <translation>Noch keine Modelldateien hinzugefügt; das integrierte Modell wird verwendet.</translation>
    </message>
    <message>
        <source>Cannot be read: %1</source>
        <translation>Nicht lesbar: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n Modell</numerusform>
            <numerusform>%n Modelle</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>Use %1</source>
        <translation>%1 verwenden</translation>
    </message>
</context>
<context>
    <name>OutputPane</name>
    <message>
        <source>Run error</source>
        <translation>Fehler beim Lauf</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Roh</translation>
    </message>
    <message>
        <source>Show the answer rendered as Markdown</source>
        <translation>Antwort als gerendertes Markdown anzeigen</translation>
    </message>
    <message>
        <source>Show the answer exactly as the model wrote it</source>
        <translation>Antwort genau so anzeigen, wie das Modell sie geschrieben hat</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the answer</source>
        <translation>Antwort kopieren</translation>
    </message>
    <message>
        <source>Copy the answer as plain text</source>
        <translation>Antwort als reinen Text kopieren</translation>
    </message>
</context>
<context>
    <name>PageWords</name>
    <message numerus="yes">
        <source>%n fork(s)</source>
        <translation>
            <numerusform>%n Fork</numerusform>
            <numerusform>%n Forks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n use(s)</source>
        <translation>
            <numerusform>%n Nutzung</numerusform>
            <numerusform>%n Nutzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>with</source>
        <translation>mit</translation>
    </message>
    <message>
        <source>one of</source>
        <translation>eines von</translation>
    </message>
</context>
<context>
    <name>ParamsButton</name>
    <message>
        <source>Run parameters</source>
        <translation>Laufparameter</translation>
    </message>
    <message>
        <source>Temperature, top-p, max tokens and seed for the next run</source>
        <translation>Temperatur, Top-p, max. Token und Seed für den nächsten Lauf</translation>
    </message>
</context>
<context>
    <name>ParamsPanel</name>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>Max. Token</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Unticked: the prompt&apos;s setting, else %1 for local models (remote providers apply their own limit)</source>
        <translation>Nicht angehakt: Einstellung des Prompts, sonst %1 für lokale Modelle (Remote-Anbieter wenden ihr eigenes Limit an)</translation>
    </message>
    <message>
        <source>Override %1</source>
        <translation>%1 überschreiben</translation>
    </message>
    <message>
        <source>Unticked: the prompt&apos;s setting, else the model&apos;s default</source>
        <translation>Nicht angehakt: Einstellung des Prompts, sonst Standardwert des Modells</translation>
    </message>
    <message>
        <source>Default parameters</source>
        <translation>Standardparameter</translation>
    </message>
</context>
<context>
    <name>PeersBar</name>
    <message>
        <source>%1 is editing</source>
        <translation>%1 bearbeitet gerade</translation>
    </message>
</context>
<context>
    <name>PromptFields</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>A short, human title</source>
        <translation>Ein kurzer, verständlicher Titel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>What the prompt is for, and how to use it</source>
        <translation>Wofür der Prompt gedacht ist und wie er verwendet wird</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. email, sales</source>
        <translation>Durch Kommas getrennt, z. B. E-Mail, Vertrieb</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>e.g. Marketing/Emails</source>
        <translation>z. B. Marketing/E-Mails</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>e.g. Retail</source>
        <translation>z. B. Einzelhandel</translation>
    </message>
    <message>
        <source>Use case</source>
        <translation>Anwendungsfall</translation>
    </message>
    <message>
        <source>e.g. Customer support replies</source>
        <translation>z. B. Antworten im Kundensupport</translation>
    </message>
    <message>
        <source>Complexity</source>
        <translation>Komplexität</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht festgelegt</translation>
    </message>
    <message>
        <source>Beginner</source>
        <translation>Einsteiger</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>Fortgeschritten</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Experte</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>T&amp;ags</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Ordner</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>Bra&amp;nche</translation>
    </message>
    <message>
        <source>&amp;Use case</source>
        <translation>Anwendungs&amp;fall</translation>
    </message>
    <message>
        <source>&amp;Complexity</source>
        <translation>&amp;Komplexität</translation>
    </message>
</context>
<context>
    <name>PromptList</name>
    <message>
        <source>local changes not yet synced</source>
        <translation>lokale Änderungen noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>synced</source>
        <translation>synchronisiert</translation>
    </message>
    <message>
        <source>In %1 (%2) — %3</source>
        <translation>In %1 (%2) – %3</translation>
    </message>
</context>
<context>
    <name>PromptPreview</name>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Token count</source>
        <translation>Token-Anzahl</translation>
    </message>
    <message>
        <source>Render error</source>
        <translation>Renderfehler</translation>
    </message>
    <message>
        <source>The rendered prompt appears here</source>
        <translation>Der gerenderte Prompt erscheint hier</translation>
    </message>
    <message>
        <source>Rendered prompt</source>
        <translation>Gerenderter Prompt</translation>
    </message>
    <message>
        <source>The rendered prompt is empty</source>
        <translation>Der gerenderte Prompt ist leer</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) (exact)</source>
        <translation>
            <numerusform>%n Token (exakt)</numerusform>
            <numerusform>%n Token (exakt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) (estimate)</source>
        <translation>
            <numerusform>%n Token (geschätzt)</numerusform>
            <numerusform>%n Token (geschätzt)</numerusform>
        </translation>
    </message>
    <message>
        <source>Counted by %1</source>
        <translation>Gezählt von %1</translation>
    </message>
    <message>
        <source>A run&apos;s own count also includes the model&apos;s chat template.</source>
        <translation>Die Zählung eines Laufs enthält zusätzlich die Chat-Vorlage des Modells.</translation>
    </message>
    <message>
        <source>The prompt cannot be rendered</source>
        <translation>Der Prompt kann nicht gerendert werden</translation>
    </message>
    <message>
        <source>Shown once the problem above is fixed</source>
        <translation>Wird angezeigt, sobald das Problem oben behoben ist</translation>
    </message>
</context>
<context>
    <name>PromptTab</name>
    <message>
        <source>Prompt body</source>
        <translation>Prompt-Inhalt</translation>
    </message>
    <message>
        <source>Write the prompt. Use {{ name }} for a variable&apos;s value and {% if name %}…{% endif %} for logic. Ctrl+F finds, Ctrl+H replaces.</source>
        <translation>Schreiben Sie den Prompt. Verwenden Sie {{ name }} für den Wert einer Variablen und {% if name %}…{% endif %} für Logik. Ctrl+F sucht, Ctrl+H ersetzt.</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>System-Prompt</translation>
    </message>
    <message>
        <source>Optional instructions sent as the system message, e.g. the role to play.</source>
        <translation>Optionale Anweisungen, die als Systemnachricht gesendet werden, z. B. die einzunehmende Rolle.</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>The user message (Ctrl+F find, Ctrl+H replace)</source>
        <translation>Die Benutzernachricht (Ctrl+F suchen, Ctrl+H ersetzen)</translation>
    </message>
    <message>
        <source>The system message (Ctrl+F find, Ctrl+H replace)</source>
        <translation>Die Systemnachricht (Ctrl+F suchen, Ctrl+H ersetzen)</translation>
    </message>
    <message>
        <source>Template problems</source>
        <translation>Probleme in der Vorlage</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <source>Declare the used variables</source>
        <translation>Verwendete Variablen deklarieren</translation>
    </message>
    <message>
        <source>Declare every variable the template uses, with a type guessed from its name</source>
        <translation>Alle in der Vorlage verwendeten Variablen deklarieren, mit einem aus dem Namen abgeleiteten Typ</translation>
    </message>
    <message>
        <source>Declare variables: type, default, bounds</source>
        <translation>Variablen deklarieren: Typ, Standardwert, Grenzen</translation>
    </message>
    <message>
        <source>Title, description, tags, folder and catalogue fields</source>
        <translation>Titel, Beschreibung, Tags, Ordner und Katalogfelder</translation>
    </message>
    <message>
        <source>Test cases: values to run the prompt with and what the answer must satisfy</source>
        <translation>Testfälle: Werte, mit denen der Prompt ausgeführt wird, und was die Antwort erfüllen muss</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <source>Branch being edited</source>
        <translation>Bearbeiteter Zweig</translation>
    </message>
    <message>
        <source>The branch whose working copy you are editing</source>
        <translation>Der Zweig, dessen Arbeitskopie Sie bearbeiten</translation>
    </message>
    <message>
        <source>Tests</source>
        <translation>Tests</translation>
    </message>
    <message>
        <source>Tests (%1)</source>
        <translation>Tests (%1)</translation>
    </message>
    <message>
        <source>Ctrl+F find · Ctrl+H replace · Ctrl+Z undo</source>
        <translation>Ctrl+F suchen · Ctrl+H ersetzen · Ctrl+Z rückgängig</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Alle Änderungen gespeichert</translation>
    </message>
    <message>
        <source>⎇ %1</source>
        <translation>⎇ %1</translation>
    </message>
    <message>
        <source>Could not open &apos;%1&apos;: %2</source>
        <translation>„%1“ konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>You are now a viewer of this prompt: what you typed is kept in your library as &apos;%1&apos;.</source>
        <translation>Sie sind bei diesem Prompt jetzt nur Betrachter: Was Sie getippt haben, bleibt in Ihrer Bibliothek als „%1“ erhalten.</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is now on branch %2.</source>
        <translation>„%1“ ist jetzt auf Branch %2.</translation>
    </message>
    <message>
        <source>What you typed on the previous branch could not be saved: %1</source>
        <translation>Was Sie auf dem vorigen Zweig getippt haben, konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Not saved: %1. Your text is kept here; the next edit tries again.</source>
        <translation>Nicht gespeichert: %1. Ihr Text bleibt hier erhalten; bei der nächsten Änderung wird es erneut versucht.</translation>
    </message>
    <message>
        <source>This prompt was deleted elsewhere. Its text stays here, read-only, until you close the tab: copy what you need.</source>
        <translation>Dieser Prompt wurde anderswo gelöscht. Sein Text bleibt hier schreibgeschützt, bis Sie den Tab schließen: Kopieren Sie, was Sie brauchen.</translation>
    </message>
    <message numerus="yes">
        <source>Declare %n variable(s)</source>
        <translation>
            <numerusform>%n Variable deklarieren</numerusform>
            <numerusform>%n Variablen deklarieren</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProtectionPage</name>
    <message>
        <source>Protect your library</source>
        <translation>Bibliothek schützen</translation>
    </message>
    <message>
        <source>Everything is encrypted; choose where its key is kept.</source>
        <translation>Alles wird verschlüsselt; wählen Sie, wo der Schlüssel aufbewahrt wird.</translation>
    </message>
    <message>
        <source>In the system keychain (recommended)</source>
        <translation>Im Schlüsselbund des Systems (empfohlen)</translation>
    </message>
    <message>
        <source>With a passphrase I type when I start</source>
        <translation>Mit einer Passphrase, die ich beim Start eingebe</translation>
    </message>
    <message>
        <source>No keychain is available on this system.</source>
        <translation>Auf diesem System ist kein Schlüsselbund verfügbar.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>No system keychain answers on this computer, so a passphrase protects the library.</source>
        <translation>Auf diesem Computer antwortet kein Schlüsselbund des Systems, daher schützt eine Passphrase die Bibliothek.</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>Mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>ProvidersPage</name>
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>API keys for remote models. Keys are kept in your system keychain, or encrypted in your store where there is none, and are never shown again.</source>
        <translation>API-Schlüssel für Remote-Modelle. Schlüssel werden im Schlüsselbund des Systems aufbewahrt (oder, wo keiner vorhanden ist, verschlüsselt in Ihrem Speicher) und nie wieder angezeigt.</translation>
    </message>
    <message>
        <source>Runs on your computer; no key needed</source>
        <translation>Läuft auf Ihrem Computer; kein Schlüssel nötig</translation>
    </message>
    <message>
        <source>API key for %1</source>
        <translation>API-Schlüssel für %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the key for %1</source>
        <translation>Schlüssel für %1 speichern</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the key for %1</source>
        <translation>Schlüssel für %1 entfernen</translation>
    </message>
    <message>
        <source>Paste a key first; nothing was stored.</source>
        <translation>Fügen Sie zuerst einen Schlüssel ein; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Remove API key</source>
        <translation>API-Schlüssel entfernen</translation>
    </message>
    <message>
        <source>Remove the %1 API key from this computer?</source>
        <translation>API-Schlüssel für %1 von diesem Computer entfernen?</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>Kein Schlüssel</translation>
    </message>
    <message>
        <source>No key (optional)</source>
        <translation>Kein Schlüssel (optional)</translation>
    </message>
    <message>
        <source>Key stored in the system keychain</source>
        <translation>Schlüssel im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <source>Key stored in the encrypted store</source>
        <translation>Schlüssel im verschlüsselten Speicher gespeichert</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Gespeichert am %1</translation>
    </message>
    <message>
        <source>Paste a new key to replace it</source>
        <translation>Neuen Schlüssel einfügen, um ihn zu ersetzen</translation>
    </message>
    <message>
        <source>Paste an API key</source>
        <translation>API-Schlüssel einfügen</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Beginner</source>
        <translation>Einsteiger</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>Fortgeschritten</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Experte</translation>
    </message>
    <message>
        <source>Publish “%1” to the gallery</source>
        <translation>„%1“ in der Galerie veröffentlichen</translation>
    </message>
    <message>
        <source>A new entry (reviewed before it is public)</source>
        <translation>Ein neuer Eintrag (wird vor der Veröffentlichung geprüft)</translation>
    </message>
    <message>
        <source>A new release of “%1”</source>
        <translation>Ein neues Release von „%1“</translation>
    </message>
    <message>
        <source>Include the test run&apos;s answers as example outputs</source>
        <translation>Antworten des Testlaufs als Beispielausgaben beifügen</translation>
    </message>
    <message>
        <source>Publish as</source>
        <translation>Veröffentlichen als</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Use case</source>
        <translation>Anwendungsfall</translation>
    </message>
    <message>
        <source>Complexity</source>
        <translation>Komplexität</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Tested on</source>
        <translation>Getestet mit</translation>
    </message>
    <message>
        <source>Run tests and publish</source>
        <translation>Tests ausführen und veröffentlichen</translation>
    </message>
    <message>
        <source>Test cases that go with it</source>
        <translation>Zugehörige Testfälle</translation>
    </message>
    <message>
        <source>Tick at least one test case: the gallery shows how a template is tested.</source>
        <translation>Wählen Sie mindestens einen Testfall aus: Die Galerie zeigt, wie eine Vorlage getestet wird.</translation>
    </message>
    <message>
        <source>Running the test cases, then publishing…</source>
        <translation>Testfälle werden ausgeführt, danach wird veröffentlicht…</translation>
    </message>
</context>
<context>
    <name>PullDialog</name>
    <message>
        <source>Pull release %1 of “%2” into %3</source>
        <translation>Release %1 von „%2“ in %3 übernehmen</translation>
    </message>
    <message>
        <source>release %1</source>
        <translation>Release %1</translation>
    </message>
    <message>
        <source>Upstream&apos;s changes since your fork&apos;s base. Merging keeps your own edits; where both changed the same words, both are kept for you to choose.</source>
        <translation>Änderungen im Upstream seit der Basis Ihres Forks. Beim Zusammenführen bleiben Ihre eigenen Änderungen erhalten; wo beide Seiten dieselben Wörter geändert haben, bleiben beide Fassungen zur Auswahl erhalten.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
</context>
<context>
    <name>RecoveryForm</name>
    <message>
        <source>Recovery key</source>
        <translation>Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>Keep the key in the system keychain</source>
        <translation>Schlüssel im Schlüsselbund des Systems aufbewahren</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Neue Passphrase</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Neue Passphrase wiederholen</translation>
    </message>
    <message>
        <source>Enter the recovery key you saved when the library was created, and choose a new passphrase.</source>
        <translation>Geben Sie den Wiederherstellungsschlüssel ein, den Sie beim Erstellen der Bibliothek aufbewahrt haben, und wählen Sie eine neue Passphrase.</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Enter the recovery key.</source>
        <translation>Geben Sie den Wiederherstellungsschlüssel ein.</translation>
    </message>
    <message>
        <source>The new passphrase needs at least %1 characters.</source>
        <translation>Die neue Passphrase muss mindestens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Your recovery key</source>
        <translation>Ihr Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>If the passphrase is forgotten or the keychain is lost, this key is the only way back into your library. It is shown once: save it somewhere safe.</source>
        <translation>Wenn die Passphrase vergessen wird oder der Schlüsselbund verloren geht, ist dieser Schlüssel der einzige Weg zurück in Ihre Bibliothek. Er wird nur einmal angezeigt: Bewahren Sie ihn an einem sicheren Ort auf.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>I have saved my recovery key somewhere safe</source>
        <translation>Ich habe meinen Wiederherstellungsschlüssel sicher aufbewahrt</translation>
    </message>
    <message>
        <source>Creating your encrypted library…</source>
        <translation>Verschlüsselte Bibliothek wird erstellt…</translation>
    </message>
</context>
<context>
    <name>RunComparisonView</name>
    <message>
        <source>Version of the run before</source>
        <translation>Version des früheren Laufs</translation>
    </message>
    <message>
        <source>Version of the run after</source>
        <translation>Version des späteren Laufs</translation>
    </message>
    <message>
        <source>Cases compared</source>
        <translation>Verglichene Fälle</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>What moved</source>
        <translation>Was sich geändert hat</translation>
    </message>
    <message>
        <source>Pick a run, then Compare with… another run of the same prompt to see what changed.</source>
        <translation>Wählen Sie einen Lauf und vergleichen Sie ihn dann über „Vergleichen mit…“ mit einem anderen Lauf desselben Prompts, um zu sehen, was sich geändert hat.</translation>
    </message>
    <message>
        <source>Run of %1 (before) → run of %2 (after)</source>
        <translation>Lauf von %1 (vorher) → Lauf von %2 (nachher)</translation>
    </message>
    <message>
        <source>Regressions: %1</source>
        <translation>Regressionen: %1</translation>
    </message>
    <message>
        <source>Fixes: %1</source>
        <translation>Behoben: %1</translation>
    </message>
    <message>
        <source>Score changes: %1</source>
        <translation>Score-Änderungen: %1</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Neu: %1</translation>
    </message>
    <message>
        <source>Removed: %1</source>
        <translation>Entfernt: %1</translation>
    </message>
    <message>
        <source>Unchanged: %1</source>
        <translation>Unverändert: %1</translation>
    </message>
    <message>
        <source>Pass rate %1 → %2</source>
        <translation>Bestehensquote %1 → %2</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>Regression</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>behoben</translation>
    </message>
    <message>
        <source>score changed</source>
        <translation>Score geändert</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>now failing: %1</source>
        <translation>schlagen jetzt fehl: %1</translation>
    </message>
    <message>
        <source>now passing: %1</source>
        <translation>bestehen jetzt: %1</translation>
    </message>
    <message>
        <source>score %1 → %2</source>
        <translation>Score %1 → %2</translation>
    </message>
</context>
<context>
    <name>RunDetail</name>
    <message>
        <source>Re-run</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <source>Re-run this prompt</source>
        <translation>Diesen Prompt erneut ausführen</translation>
    </message>
    <message>
        <source>Run the same prompt, model and variables again</source>
        <translation>Denselben Prompt mit demselben Modell und denselben Variablen erneut ausführen</translation>
    </message>
    <message>
        <source>Run details</source>
        <translation>Laufdetails</translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation>Kein Lauf ausgewählt</translation>
    </message>
    <message>
        <source>Select a run to see its messages, context and output.</source>
        <translation>Wählen Sie einen Lauf aus, um Nachrichten, Kontext und Ausgabe zu sehen.</translation>
    </message>
    <message>
        <source>Unsaved prompt</source>
        <translation>Nicht gespeicherter Prompt</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Context used</source>
        <translation>Verwendeter Kontext</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>%1 in / %2 out</source>
        <translation>%1 Eingabe / %2 Ausgabe</translation>
    </message>
    <message>
        <source>First token</source>
        <translation>Erstes Token</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 Token/s</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Finish reason</source>
        <translation>Beendigungsgrund</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <source>Run id</source>
        <translation>Lauf-ID</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>File hash</source>
        <translation>Datei-Hash</translation>
    </message>
    <message>
        <source>(cut to fit)</source>
        <translation>(gekürzt)</translation>
    </message>
</context>
<context>
    <name>RunMetrics</name>
    <message>
        <source>Run status</source>
        <translation>Laufstatus</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>Zeit bis zum ersten Token</translation>
    </message>
    <message>
        <source>Tokens per second</source>
        <translation>Token pro Sekunde</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Eingabe-Token</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Ausgabe-Token</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>First token: %1</source>
        <translation>Erstes Token: %1</translation>
    </message>
    <message>
        <source>Speed: %1</source>
        <translation>Geschwindigkeit: %1</translation>
    </message>
    <message>
        <source>Tokens in: %1</source>
        <translation>Eingabe-Token: %1</translation>
    </message>
    <message>
        <source>Tokens out: %1</source>
        <translation>Ausgabe-Token: %1</translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation>Kosten: %1</translation>
    </message>
    <message>
        <source>Waiting for the model…</source>
        <translation>Warten auf das Modell…</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>Speed: ≈%1 tokens/s</source>
        <translation>Geschwindigkeit: ≈%1 Token/s</translation>
    </message>
    <message numerus="yes">
        <source>Tokens out: ≈%n</source>
        <translation>
            <numerusform>Ausgabe-Token: ≈%n</numerusform>
            <numerusform>Ausgabe-Token: ≈%n</numerusform>
        </translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 in %2 s</source>
        <translation>%1 in %2 s</translation>
    </message>
    <message>
        <source>Speed: %1 tokens/s</source>
        <translation>Geschwindigkeit: %1 Token/s</translation>
    </message>
    <message numerus="yes">
        <source>Tokens in: %n</source>
        <translation>
            <numerusform>Eingabe-Token: %n</numerusform>
            <numerusform>Eingabe-Token: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tokens out: %n</source>
        <translation>
            <numerusform>Ausgabe-Token: %n</numerusform>
            <numerusform>Ausgabe-Token: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Cost: $%1</source>
        <translation>Kosten: $%1</translation>
    </message>
    <message>
        <source>First token: %1 ms</source>
        <translation>Erstes Token: %1 ms</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Run the prompt</source>
        <translation>Prompt ausführen</translation>
    </message>
    <message>
        <source>Run the prompt (%1)</source>
        <translation>Prompt ausführen (%1)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stop the run</source>
        <translation>Lauf stoppen</translation>
    </message>
    <message>
        <source>Stop the run (%1)</source>
        <translation>Lauf stoppen (%1)</translation>
    </message>
</context>
<context>
    <name>RunTableModel</name>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Eingabe-Token</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Ausgabe-Token</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>Token/s</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>(unsaved)</source>
        <translation>(nicht gespeichert)</translation>
    </message>
</context>
<context>
    <name>RunView</name>
    <message>
        <source>the runner gave no reason</source>
        <translation>der Runner hat keinen Grund angegeben</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>Der Lauf ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The prompt could not be run: %1</source>
        <translation>Der Prompt konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>Fix the prompt or give the missing values, then run again.</source>
        <translation>Korrigieren Sie den Prompt oder geben Sie die fehlenden Werte an und führen Sie ihn dann erneut aus.</translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Versions × models</source>
        <translation>Versionen × Modelle</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Repeats of each case: %1</source>
        <translation>Wiederholungen je Fall: %1</translation>
    </message>
</context>
<context>
    <name>SettingEditors</name>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Lock when idle for</source>
        <translation>Sperren nach Inaktivität von</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU-Threads</translation>
    </message>
    <message>
        <source>Embedding model</source>
        <translation>Embedding-Modell</translation>
    </message>
    <message>
        <source>Chunk size</source>
        <translation>Chunk-Größe</translation>
    </message>
    <message>
        <source>Chunk overlap</source>
        <translation>Chunk-Überlappung</translation>
    </message>
    <message>
        <source>Largest file</source>
        <translation>Maximale Dateigröße</translation>
    </message>
    <message>
        <source>Wait after changes</source>
        <translation>Wartezeit nach Änderungen</translation>
    </message>
    <message>
        <source>Polling interval</source>
        <translation>Abfrageintervall</translation>
    </message>
    <message>
        <source>Approximate search from</source>
        <translation>Näherungssuche ab</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>Wie System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Automatic (one per core)</source>
        <translation>Automatisch (einer pro Kern)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Token</translation>
    </message>
    <message>
        <source> chunks</source>
        <translation> Chunks</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>Data location</source>
        <translation>Speicherort der Daten</translation>
    </message>
    <message>
        <source>Where your encrypted store is kept</source>
        <translation>Wo Ihr verschlüsselter Speicher liegt</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>Datenordner öffnen</translation>
    </message>
    <message>
        <source>Data location:</source>
        <translation>Speicherort der Daten:</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Jetzt sperren</translation>
    </message>
    <message>
        <source>Lock the store now</source>
        <translation>Speicher jetzt sperren</translation>
    </message>
    <message>
        <source>Locking closes your store; it takes your passphrase or keychain to open it again. Unsaved changes in this window are discarded.</source>
        <translation>Beim Sperren wird Ihr Speicher geschlossen; zum erneuten Öffnen sind Ihre Passphrase oder der Schlüsselbund nötig. Nicht gespeicherte Änderungen in diesem Fenster werden verworfen.</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share to workspace</source>
        <translation>In Arbeitsbereich teilen</translation>
    </message>
    <message>
        <source>Move &apos;%1&apos; into a team workspace. Its history goes with it; everyone in the workspace can open it, and editors can change it.</source>
        <translation>Verschieben Sie „%1“ in einen Team-Arbeitsbereich. Der Verlauf wandert mit; alle im Arbeitsbereich können den Prompt öffnen, und Bearbeiter können ihn ändern.</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Teilen</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Find in the template</source>
        <translation>In der Vorlage suchen</translation>
    </message>
    <message>
        <source>Replace in the template</source>
        <translation>In der Vorlage ersetzen</translation>
    </message>
    <message>
        <source>Undo your typing</source>
        <translation>Eingabe rückgängig machen</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Stop a run</source>
        <translation>Lauf stoppen</translation>
    </message>
    <message>
        <source>Undo a delete (in the library)</source>
        <translation>Löschen rückgängig machen (in der Bibliothek)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>Filtern…</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Editor and panels</source>
        <translation>Editor und Bereiche</translation>
    </message>
</context>
<context>
    <name>SourcesPanel</name>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation>Chunks</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Context sources</source>
        <translation>Kontextquellen</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Reindex</source>
        <translation>Neu indexieren</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Loading the context index…</source>
        <translation>Kontextindex wird geladen…</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>Indexierungsfortschritt</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n Quelle</numerusform>
            <numerusform>%n Quellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s) to search</source>
        <translation>
            <numerusform>%n durchsuchbare Passage</numerusform>
            <numerusform>%n durchsuchbare Passagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Vector search: %1</source>
        <translation>Vektorsuche: %1</translation>
    </message>
    <message>
        <source>The context index is still loading; try again shortly.</source>
        <translation>Der Kontextindex wird noch geladen; versuchen Sie es gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>Promptdesk needs SQLCipher 4, but this installation provides {version}.</source>
        <translation>Promptdesk benötigt SQLCipher 4, diese Installation bietet aber {version}.</translation>
    </message>
    <message>
        <source>Reinstall Promptdesk.</source>
        <translation>Installieren Sie Promptdesk neu.</translation>
    </message>
    <message>
        <source>{database} is not a Promptdesk store: {what}.</source>
        <translation>{database} ist kein Promptdesk-Speicher: {what}.</translation>
    </message>
    <message>
        <source>Move that file out of the way, or set PROMPTDESK_HOME to the folder that holds your store. The file was not changed.</source>
        <translation>Verschieben Sie diese Datei, oder setzen Sie PROMPTDESK_HOME auf den Ordner mit Ihrem Speicher. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>That is not a valid recovery key ({reason}).</source>
        <translation>Das ist kein gültiger Wiederherstellungsschlüssel ({reason}).</translation>
    </message>
    <message>
        <source>A recovery key is 56 letters and digits in groups of eight, as shown when the library was created. Check it for typos.</source>
        <translation>Ein Wiederherstellungsschlüssel besteht aus 56 Buchstaben und Ziffern in Achtergruppen, wie beim Anlegen der Bibliothek angezeigt. Prüfen Sie ihn auf Tippfehler.</translation>
    </message>
    <message>
        <source>The key file {key_file} cannot be read ({reason}).</source>
        <translation>Die Schlüsseldatei {key_file} kann nicht gelesen werden ({reason}).</translation>
    </message>
    <message>
        <source>Choose &quot;Use recovery key…&quot; and enter the recovery key you saved. The database was not changed.</source>
        <translation>Wählen Sie „Wiederherstellungsschlüssel verwenden…“ und geben Sie den gespeicherten Wiederherstellungsschlüssel ein. Die Datenbank wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The store {database} exists but its key file {key_file} is missing.</source>
        <translation>Der Speicher {database} existiert, aber seine Schlüsseldatei {key_file} fehlt.</translation>
    </message>
    <message>
        <source>This store is protected by {mode}; {action} does not apply to it.</source>
        <translation>Dieser Speicher ist durch {mode} geschützt; {action} gilt für ihn nicht.</translation>
    </message>
    <message>
        <source>Settings → Security shows how the library is protected.</source>
        <translation>Einstellungen → Sicherheit zeigt, wie die Bibliothek geschützt ist.</translation>
    </message>
    <message>
        <source>The key for this store is not in the OS keychain (service {service!r}, account {account!r}).</source>
        <translation>Der Schlüssel für diesen Speicher ist nicht im Schlüsselbund des Systems (Dienst {service!r}, Konto {account!r}).</translation>
    </message>
    <message>
        <source>The OS keychain did not answer within {seconds:g} seconds.</source>
        <translation>Der Schlüsselbund des Systems hat nicht innerhalb von {seconds:g} Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>It may be locked and waiting for a password in another window. Unlock it and try again.</source>
        <translation>Er ist vielleicht gesperrt und wartet in einem anderen Fenster auf ein Passwort. Entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The OS keychain is not available ({reason}).</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar ({reason}).</translation>
    </message>
    <message>
        <source>Unlock or start your keychain and try again, or choose &quot;Use recovery key…&quot; to open the library with your recovery key.</source>
        <translation>Entsperren oder starten Sie Ihren Schlüsselbund und versuchen Sie es erneut, oder wählen Sie „Wiederherstellungsschlüssel verwenden…“, um die Bibliothek mit Ihrem Wiederherstellungsschlüssel zu öffnen.</translation>
    </message>
    <message>
        <source>Migration {migration} differs from the one that was applied to this store.</source>
        <translation>Die Migration {migration} weicht von der ab, die auf diesen Speicher angewendet wurde.</translation>
    </message>
    <message>
        <source>Released migrations must never be edited; add a new migration instead. The store was not changed.</source>
        <translation>Veröffentlichte Migrationen dürfen nie geändert werden; fügen Sie stattdessen eine neue hinzu. Der Speicher wurde nicht verändert.</translation>
    </message>
    <message>
        <source>No new passphrase was given.</source>
        <translation>Es wurde keine neue Passphrase angegeben.</translation>
    </message>
    <message>
        <source>Type it twice.</source>
        <translation>Geben Sie sie zweimal ein.</translation>
    </message>
    <message>
        <source>The store {database} was written with SQLCipher 3, an older encryption format that this version of Promptdesk does not open directly.</source>
        <translation>Der Speicher {database} wurde mit SQLCipher 3 geschrieben, einem älteren Verschlüsselungsformat, das diese Version von Promptdesk nicht direkt öffnet.</translation>
    </message>
    <message>
        <source>Convert it in a terminal with `promptdesk store upgrade` (a copy of the old file is kept). The file was not changed.</source>
        <translation>Wandeln Sie ihn in einem Terminal mit `promptdesk store upgrade` um (eine Kopie der alten Datei bleibt erhalten). Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>This store is locked with a passphrase, and none was given.</source>
        <translation>Dieser Speicher ist mit einer Passphrase gesperrt, und es wurde keine angegeben.</translation>
    </message>
    <message>
        <source>Type it to unlock.</source>
        <translation>Geben Sie sie zum Entsperren ein.</translation>
    </message>
    <message>
        <source>That recovery key belongs to a different store.</source>
        <translation>Dieser Wiederherstellungsschlüssel gehört zu einem anderen Speicher.</translation>
    </message>
    <message>
        <source>Use the recovery key that was exported from this store. Nothing was changed.</source>
        <translation>Verwenden Sie den Wiederherstellungsschlüssel, der zu diesem Speicher exportiert wurde. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>This store was written by a newer Promptdesk: it has migration {migration}, which this version does not know.</source>
        <translation>Dieser Speicher wurde von einem neueren Promptdesk geschrieben: Er enthält die Migration {migration}, die diese Version nicht kennt.</translation>
    </message>
    <message>
        <source>Update Promptdesk. The store was not changed.</source>
        <translation>Aktualisieren Sie Promptdesk. Der Speicher wurde nicht verändert.</translation>
    </message>
    <message>
        <source>A Promptdesk store already exists in {data_dir}.</source>
        <translation>In {data_dir} gibt es bereits einen Promptdesk-Speicher.</translation>
    </message>
    <message>
        <source>Nothing was changed: open it, or choose another data folder.</source>
        <translation>Es wurde nichts verändert: Öffnen Sie ihn, oder wählen Sie einen anderen Datenordner.</translation>
    </message>
    <message>
        <source>The store {database} is busy: another program holds it ({detail}).</source>
        <translation>Der Speicher {database} ist belegt: Ein anderes Programm hält ihn ({detail}).</translation>
    </message>
    <message>
        <source>Close other Promptdesk windows or commands using this store and try again. Nothing was changed.</source>
        <translation>Schließen Sie andere Promptdesk-Fenster oder -Befehle, die diesen Speicher verwenden, und versuchen Sie es erneut. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>The library is locked.</source>
        <translation>Die Bibliothek ist gesperrt.</translation>
    </message>
    <message>
        <source>Unlock it to go on; nothing was changed.</source>
        <translation>Entsperren Sie sie, um weiterzumachen; es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>The store file {database} is damaged or was changed outside Promptdesk ({detail}).</source>
        <translation>Die Speicherdatei {database} ist beschädigt oder wurde außerhalb von Promptdesk verändert ({detail}).</translation>
    </message>
    <message>
        <source>Restore it from a backup. Promptdesk has not changed it.</source>
        <translation>Stellen Sie sie aus einer Sicherung wieder her. Promptdesk hat sie nicht verändert.</translation>
    </message>
    <message>
        <source>The Promptdesk store could not be used.</source>
        <translation>Der Promptdesk-Speicher konnte nicht verwendet werden.</translation>
    </message>
    <message>
        <source>There is no Promptdesk store in {data_dir}.</source>
        <translation>In {data_dir} gibt es keinen Promptdesk-Speicher.</translation>
    </message>
    <message>
        <source>Start Promptdesk without PROMPTDESK_HOME set to create a new library.</source>
        <translation>Starten Sie Promptdesk ohne gesetztes PROMPTDESK_HOME, um eine neue Bibliothek anzulegen.</translation>
    </message>
    <message>
        <source>The store file {database} is damaged: it is shorter than it should be.</source>
        <translation>Die Speicherdatei {database} ist beschädigt: Sie ist kürzer, als sie sein sollte.</translation>
    </message>
    <message>
        <source>The file was cut off (a full disk, an interrupted copy or sync tool). Restore it from a backup. Promptdesk has not changed it.</source>
        <translation>Die Datei wurde abgeschnitten (volle Festplatte, unterbrochene Kopie oder ein Sync-Programm). Stellen Sie sie aus einer Sicherung wieder her. Promptdesk hat sie nicht verändert.</translation>
    </message>
    <message>
        <source>The store {database} cannot be written ({detail}).</source>
        <translation>Der Speicher {database} kann nicht geschrieben werden ({detail}).</translation>
    </message>
    <message>
        <source>Check free disk space and that the folder is writable by you. Nothing was changed.</source>
        <translation>Prüfen Sie den freien Speicherplatz und ob Sie in den Ordner schreiben dürfen. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>An interrupted setup left an empty database file {database} and no key.</source>
        <translation>Eine unterbrochene Einrichtung hat eine leere Datenbankdatei {database} ohne Schlüssel hinterlassen.</translation>
    </message>
    <message>
        <source>It holds no data. Start Promptdesk again to set up a new library.</source>
        <translation>Sie enthält keine Daten. Starten Sie Promptdesk erneut, um eine neue Bibliothek einzurichten.</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least {minimum} characters.</source>
        <translation>Die Passphrase ist zu kurz: Verwenden Sie mindestens {minimum} Zeichen.</translation>
    </message>
    <message>
        <source>A few unrelated words make a passphrase that is long and easy to remember.</source>
        <translation>Einige zusammenhanglose Wörter ergeben eine Passphrase, die lang und leicht zu merken ist.</translation>
    </message>
    <message>
        <source>The key does not open the store {database}.</source>
        <translation>Der Schlüssel öffnet den Speicher {database} nicht.</translation>
    </message>
    <message>
        <source>That passphrase does not unlock this store.</source>
        <translation>Diese Passphrase entsperrt diesen Speicher nicht.</translation>
    </message>
    <message>
        <source>Check Caps Lock and the keyboard layout and try again. If it is forgotten, choose &quot;Use recovery key…&quot;. Nothing was changed.</source>
        <translation>Prüfen Sie die Feststelltaste und das Tastaturlayout und versuchen Sie es erneut. Wenn Sie sie vergessen haben, wählen Sie „Wiederherstellungsschlüssel verwenden…“. Es wurde nichts verändert.</translation>
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message>
        <source>Team sync status</source>
        <translation>Status der Team-Synchronisierung</translation>
    </message>
    <message>
        <source>Signed in — no workspaces</source>
        <translation>Angemeldet – keine Arbeitsbereiche</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) or branch(es) to settle (click)</source>
        <translation>
            <numerusform>%n Label oder Zweig zu klären (klicken)</numerusform>
            <numerusform>%n Labels oder Zweige zu klären (klicken)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusText</name>
    <message numerus="yes">
        <source>Read-only: %n local change(s) cannot be sent</source>
        <translation>
            <numerusform>Schreibgeschützt: %n lokale Änderung kann nicht gesendet werden</numerusform>
            <numerusform>Schreibgeschützt: %n lokale Änderungen können nicht gesendet werden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n local change(s) waiting</source>
        <translation>
            <numerusform>Offline – %n lokale Änderung wartet</numerusform>
            <numerusform>Offline – %n lokale Änderungen warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Paused: a sync would delete %1 of %2 prompts</source>
        <translation>Pausiert: Eine Synchronisierung würde %1 von %2 Prompts löschen</translation>
    </message>
    <message>
        <source>Paused: a prompt was restored on the server (click to choose)</source>
        <translation>Pausiert: Ein Prompt wurde auf dem Server wiederhergestellt (zum Auswählen klicken)</translation>
    </message>
    <message>
        <source>Sync error: %1</source>
        <translation>Synchronisierungsfehler: %1</translation>
    </message>
    <message numerus="yes">
        <source>Syncing %n change(s)</source>
        <translation>
            <numerusform>%n Änderung wird synchronisiert</numerusform>
            <numerusform>%n Änderungen werden synchronisiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
</context>
<context>
    <name>TabPresence</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Read-only: you are a viewer in %1.</source>
        <translation>Schreibgeschützt: Sie sind in %1 nur Betrachter.</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Sync a team&apos;s prompts through a Promptdesk sync server: edit offline, merge without conflict copies, see who else is editing.</source>
        <translation>Synchronisieren Sie die Prompts eines Teams über einen Promptdesk-Sync-Server: offline bearbeiten, ohne Konfliktkopien zusammenführen und sehen, wer sonst gerade bearbeitet.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Also remove the workspaces&apos; prompts from here</source>
        <translation>Auch die Prompts der Arbeitsbereiche von hier entfernen</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Ihre Rolle</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <source>New workspace…</source>
        <translation>Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <source>Members…</source>
        <translation>Mitglieder…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Invitation code</source>
        <translation>Einladungscode</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
    <message>
        <source>Invitation:</source>
        <translation>Einladung:</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Revoke device</source>
        <translation>Gerätezugriff widerrufen</translation>
    </message>
    <message>
        <source>Devices signed in to this account:</source>
        <translation>Bei diesem Konto angemeldete Geräte:</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2</source>
        <translation>Bei %1 angemeldet als %2</translation>
    </message>
    <message>
        <source>Not synced on this device</source>
        <translation>Auf diesem Gerät nicht synchronisiert</translation>
    </message>
    <message>
        <source>Sync this workspace on this device</source>
        <translation>Diesen Arbeitsbereich auf diesem Gerät synchronisieren</translation>
    </message>
    <message>
        <source>Fill in the server, your email and your password.</source>
        <translation>Geben Sie Server, E-Mail-Adresse und Passwort ein.</translation>
    </message>
    <message>
        <source>Remove every prompt of your workspaces from this device?</source>
        <translation>Alle Prompts Ihrer Arbeitsbereiche von diesem Gerät entfernen?</translation>
    </message>
    <message>
        <source>Signed out here, but the server could not revoke this device (%1).</source>
        <translation>Hier abgemeldet, aber der Server konnte den Zugriff dieses Geräts nicht widerrufen (%1).</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Paste the invitation code first.</source>
        <translation>Fügen Sie zuerst den Einladungscode ein.</translation>
    </message>
    <message>
        <source>Select a workspace first.</source>
        <translation>Wählen Sie zuerst einen Arbeitsbereich aus.</translation>
    </message>
    <message>
        <source>%1 (this device)</source>
        <translation>%1 (dieses Gerät)</translation>
    </message>
    <message>
        <source>Select a device first.</source>
        <translation>Wählen Sie zuerst ein Gerät aus.</translation>
    </message>
    <message>
        <source>To sign this device out, use Sign out.</source>
        <translation>Um dieses Gerät abzumelden, verwenden Sie „Abmelden“.</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>&apos;%1&apos; is not declared; add it in Variables</source>
        <translation>„%1“ ist nicht deklariert; fügen Sie die Variable unter „Variablen“ hinzu</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is declared but never used</source>
        <translation>„%1“ ist deklariert, wird aber nie verwendet</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Ersetzen…</translation>
    </message>
</context>
<context>
    <name>TestsEditor</name>
    <message>
        <source>Test cases</source>
        <translation>Testfälle</translation>
    </message>
    <message>
        <source>Add case</source>
        <translation>Fall hinzufügen</translation>
    </message>
    <message>
        <source>Add a test case</source>
        <translation>Testfall hinzufügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Add a copy of the selected case</source>
        <translation>Kopie des ausgewählten Falls hinzufügen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the selected case</source>
        <translation>Ausgewählten Fall löschen</translation>
    </message>
    <message>
        <source>Run case</source>
        <translation>Fall ausführen</translation>
    </message>
    <message>
        <source>Run the prompt on the selected case and grade it</source>
        <translation>Prompt mit dem ausgewählten Fall ausführen und bewerten</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>Alle ausführen</translation>
    </message>
    <message>
        <source>Run the prompt on every case and grade them</source>
        <translation>Prompt mit jedem Fall ausführen und alle bewerten</translation>
    </message>
    <message>
        <source>No test cases yet. A case gives the prompt&apos;s variables values and says what the answer must satisfy; Run all grades every case. Add one to begin.</source>
        <translation>Noch keine Testfälle. Ein Fall gibt den Variablen des Prompts Werte und legt fest, was die Antwort erfüllen muss; „Alle ausführen“ bewertet jeden Fall. Fügen Sie zum Start einen hinzu.</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Fall %1</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Assertion type</source>
        <translation>Art der Prüfung</translation>
    </message>
    <message>
        <source>not</source>
        <translation>nicht</translation>
    </message>
    <message>
        <source>Negate the assertion</source>
        <translation>Prüfung umkehren</translation>
    </message>
    <message>
        <source>Pass when the check fails (promptfoo&apos;s not- prefix)</source>
        <translation>Bestanden, wenn die Prüfung fehlschlägt (Präfix not- wie in promptfoo)</translation>
    </message>
    <message>
        <source>Assertion weight</source>
        <translation>Gewicht der Prüfung</translation>
    </message>
    <message>
        <source>How much this assertion counts in the case&apos;s score</source>
        <translation>Wie stark diese Prüfung in die Punktzahl des Falls eingeht</translation>
    </message>
    <message>
        <source>weight </source>
        <translation>Gewicht </translation>
    </message>
    <message>
        <source>Assertion threshold</source>
        <translation>Schwellenwert der Prüfung</translation>
    </message>
    <message>
        <source>The score, distance, milliseconds or dollars at which it passes; blank: the type&apos;s default</source>
        <translation>Punktzahl, Abstand, Millisekunden oder Dollar, ab denen sie besteht; leer: Standard der Art</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>Schwellenwert</translation>
    </message>
    <message>
        <source>Remove assertion</source>
        <translation>Prüfung entfernen</translation>
    </message>
    <message>
        <source>Remove this assertion</source>
        <translation>Diese Prüfung entfernen</translation>
    </message>
    <message>
        <source>Assertion value</source>
        <translation>Wert der Prüfung</translation>
    </message>
    <message>
        <source>Not a built-in type (a plugin&apos;s)</source>
        <translation>Keine eingebaute Art (aus einem Plugin)</translation>
    </message>
    <message>
        <source>Passes when this does not hold: %1</source>
        <translation>Besteht, wenn dies nicht zutrifft: %1</translation>
    </message>
    <message>
        <source>No assertions: add what the output must contain, match or satisfy.</source>
        <translation>Keine Prüfungen: Legen Sie fest, was die Ausgabe enthalten, treffen oder erfüllen muss.</translation>
    </message>
    <message>
        <source>Add assertion</source>
        <translation>Prüfung hinzufügen</translation>
    </message>
    <message>
        <source>Add a check of the output to this case</source>
        <translation>Diesem Fall eine Prüfung der Ausgabe hinzufügen</translation>
    </message>
    <message>
        <source>Case description</source>
        <translation>Beschreibung des Falls</translation>
    </message>
    <message>
        <source>What this case checks, e.g. a polite refusal</source>
        <translation>Was dieser Fall prüft, z. B. eine höfliche Absage</translation>
    </message>
    <message>
        <source>Case weight</source>
        <translation>Gewicht des Falls</translation>
    </message>
    <message>
        <source>How much this case counts in the eval&apos;s total</source>
        <translation>Wie stark dieser Fall in das Gesamtergebnis eingeht</translation>
    </message>
    <message>
        <source>Case threshold</source>
        <translation>Schwellenwert des Falls</translation>
    </message>
    <message>
        <source>The weighted score, 0 to 1, at which the case passes; blank: every assertion must pass</source>
        <translation>Die gewichtete Punktzahl (0 bis 1), ab der der Fall besteht; leer: jede Prüfung muss bestehen</translation>
    </message>
    <message>
        <source>every assertion must pass</source>
        <translation>jede Prüfung muss bestehen</translation>
    </message>
    <message>
        <source>The prompt declares no variables.</source>
        <translation>Der Prompt deklariert keine Variablen.</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Assertions</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>&amp;Weight</source>
        <translation>&amp;Gewicht</translation>
    </message>
    <message>
        <source>T&amp;hreshold</source>
        <translation>&amp;Schwellenwert</translation>
    </message>
    <message>
        <source>%1 (not declared)</source>
        <translation>%1 (nicht deklariert)</translation>
    </message>
    <message>
        <source>Value of %1</source>
        <translation>Wert von %1</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>required (%1)</source>
        <translation>erforderlich (%1)</translation>
    </message>
</context>
<context>
    <name>TryDialog</name>
    <message>
        <source>Try “%1”</source>
        <translation>„%1“ ausprobieren</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>The model&apos;s answer appears here.</source>
        <translation>Die Antwort des Modells erscheint hier.</translation>
    </message>
    <message>
        <source>Nothing is kept: fork the template to keep and change it.</source>
        <translation>Nichts wird gespeichert: Forken Sie die Vorlage, um sie zu behalten und zu ändern.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>%1 tokens in, %2 out · %3 s</source>
        <translation>%1 Token Eingabe, %2 Ausgabe · %3 s</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Promptdesk</source>
        <translation>Promptdesk entsperren</translation>
    </message>
    <message>
        <source>Enter the passphrase of your encrypted library.</source>
        <translation>Geben Sie die Passphrase Ihrer verschlüsselten Bibliothek ein.</translation>
    </message>
    <message>
        <source>Promptdesk is locked. Your library stays encrypted until you unlock it.</source>
        <translation>Promptdesk ist gesperrt. Ihre Bibliothek bleibt verschlüsselt, bis Sie sie entsperren.</translation>
    </message>
    <message>
        <source>Promptdesk is locked.</source>
        <translation>Promptdesk ist gesperrt.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Use recovery key…</source>
        <translation>Wiederherstellungsschlüssel verwenden…</translation>
    </message>
    <message>
        <source>Unlock with your recovery key.</source>
        <translation>Mit Ihrem Wiederherstellungsschlüssel entsperren.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Wird entsperrt…</translation>
    </message>
    <message>
        <source>That passphrase does not unlock this library. Check Caps Lock and try again, or use your recovery key.</source>
        <translation>Diese Passphrase entsperrt die Bibliothek nicht. Prüfen Sie die Feststelltaste und versuchen Sie es erneut, oder verwenden Sie Ihren Wiederherstellungsschlüssel.</translation>
    </message>
</context>
<context>
    <name>UsageChart</name>
    <message>
        <source>Tokens in</source>
        <translation>Eingabe-Token</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Ausgabe-Token</translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation>Kosten (USD)</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Tokens and cost per day</source>
        <translation>Token und Kosten pro Tag</translation>
    </message>
</context>
<context>
    <name>VariableDeclarations</name>
    <message>
        <source>Use letters, digits and &apos;_&apos;, starting with a letter, as in {{ customer_name }}.</source>
        <translation>Verwenden Sie Buchstaben, Ziffern und &apos;_&apos;, beginnend mit einem Buchstaben, wie in {{ customer_name }}.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already declared.</source>
        <translation>„%1“ ist bereits deklariert.</translation>
    </message>
    <message>
        <source>Variable declarations</source>
        <translation>Variablendeklarationen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standardwert</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Choices as a|b|c; bounds of numbers as 1..10 (either side optional)</source>
        <translation>Auswahl als a|b|c; Zahlengrenzen als 1..10 (jede Seite optional)</translation>
    </message>
    <message>
        <source>Add variable…</source>
        <translation>Variable hinzufügen…</translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation>Variable hinzufügen</translation>
    </message>
    <message>
        <source>Declare a new variable</source>
        <translation>Neue Variable deklarieren</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove variable</source>
        <translation>Variable entfernen</translation>
    </message>
    <message>
        <source>Remove the selected variables</source>
        <translation>Ausgewählte Variablen entfernen</translation>
    </message>
    <message>
        <source>Type of %1</source>
        <translation>Typ von %1</translation>
    </message>
    <message>
        <source>Used in the template but not declared: %1.</source>
        <translation>In der Vorlage verwendet, aber nicht deklariert: %1.</translation>
    </message>
    <message>
        <source>Declare all</source>
        <translation>Alle deklarieren</translation>
    </message>
    <message>
        <source>Name (use it in the template as {{ name }}):</source>
        <translation>Name (in der Vorlage als {{ name }} verwenden):</translation>
    </message>
    <message>
        <source>e.g. customer_name</source>
        <translation>z. B. customer_name</translation>
    </message>
    <message>
        <source>bounds are written as 1..10</source>
        <translation>Grenzen werden als 1..10 geschrieben</translation>
    </message>
    <message>
        <source>is declared twice</source>
        <translation>ist doppelt deklariert</translation>
    </message>
    <message>
        <source>bounds are numbers, as in 1..10</source>
        <translation>Grenzen sind Zahlen, wie in 1..10</translation>
    </message>
</context>
<context>
    <name>VariablesForm</name>
    <message>
        <source>This prompt has no variables. Declare them under Variables and use them in the template as {{ name }}.</source>
        <translation>Dieser Prompt hat keine Variablen. Deklarieren Sie sie unter „Variablen“ und verwenden Sie sie in der Vorlage als {{ name }}.</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (erforderlich)</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
</context>
<context>
    <name>VersionsPanel</name>
    <message>
        <source>Use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos; (at most 64), not &apos;working&apos;.</source>
        <translation>Verwenden Sie Buchstaben, Ziffern, &apos;-&apos;, &apos;_&apos; und &apos;.&apos; (höchstens 64), aber nicht &apos;working&apos;.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already used.</source>
        <translation>„%1“ wird bereits verwendet.</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Zweig</translation>
    </message>
    <message>
        <source>Commit…</source>
        <translation>Festschreiben…</translation>
    </message>
    <message>
        <source>New branch…</source>
        <translation>Neuer Zweig…</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Zusammenführen…</translation>
    </message>
    <message>
        <source>Set label…</source>
        <translation>Label setzen…</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>production → %1</source>
        <translation>production → %1</translation>
    </message>
    <message>
        <source>no production version</source>
        <translation>keine production-Version</translation>
    </message>
    <message>
        <source>Protected: %1</source>
        <translation>Geschützt: %1</translation>
    </message>
    <message>
        <source>working copy</source>
        <translation>Arbeitskopie</translation>
    </message>
    <message>
        <source>Commit a version</source>
        <translation>Version festschreiben</translation>
    </message>
    <message>
        <source>What changed?</source>
        <translation>Was hat sich geändert?</translation>
    </message>
    <message>
        <source>Committed %1.</source>
        <translation>Version %1 festgeschrieben.</translation>
    </message>
    <message>
        <source>New branch</source>
        <translation>Neuer Zweig</translation>
    </message>
    <message>
        <source>Name of the new branch (it is checked out):</source>
        <translation>Name des neuen Zweigs (er wird ausgecheckt):</translation>
    </message>
    <message>
        <source>e.g. shorter</source>
        <translation>z. B. kürzer</translation>
    </message>
    <message>
        <source>Switch branch</source>
        <translation>Zweig wechseln</translation>
    </message>
    <message>
        <source>Check out:</source>
        <translation>Auschecken:</translation>
    </message>
    <message>
        <source>Merge this branch into %1:</source>
        <translation>Diesen Zweig in %1 zusammenführen:</translation>
    </message>
    <message>
        <source>Merged %1.</source>
        <translation>Zweig %1 zusammengeführt.</translation>
    </message>
    <message>
        <source>Commit a version first, then label it.</source>
        <translation>Schreiben Sie zuerst eine Version fest und versehen Sie sie dann mit einem Label.</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Set label on this version…</source>
        <translation>Label für diese Version setzen…</translation>
    </message>
    <message>
        <source>New branch from this version…</source>
        <translation>Neuer Zweig ab dieser Version…</translation>
    </message>
    <message>
        <source>Copy version id</source>
        <translation>Versions-ID kopieren</translation>
    </message>
    <message>
        <source>Commit version…</source>
        <translation>Version festschreiben…</translation>
    </message>
    <message>
        <source>Merge branch…</source>
        <translation>Zweig zusammenführen…</translation>
    </message>
    <message>
        <source>There is no other branch to merge.</source>
        <translation>Es gibt keinen anderen Zweig zum Zusammenführen.</translation>
    </message>
    <message>
        <source>Select a version to compare it with your working copy; Ctrl+click a second one to compare the two.</source>
        <translation>Wählen Sie eine Version, um sie mit Ihrer Arbeitskopie zu vergleichen; Strg+Klick auf eine zweite vergleicht die beiden.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Protected label</source>
        <translation>Geschütztes Label</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is protected. Move it to this version anyway?</source>
        <translation>„%1“ ist geschützt. Trotzdem auf diese Version verschieben?</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Promptdesk</source>
        <translation>Willkommen bei Promptdesk</translation>
    </message>
    <message>
        <source>Promptdesk keeps your prompts, versions, runs and file context in an encrypted library on this computer. It runs a small local model with no account and no network, and any provider you add a key for.

Setting up takes a minute.</source>
        <translation>Promptdesk bewahrt Ihre Prompts, Versionen, Läufe und Dateikontexte in einer verschlüsselten Bibliothek auf diesem Computer auf. Es führt ein kleines lokales Modell ohne Konto und ohne Netzwerk aus – und jeden Anbieter, für den Sie einen Schlüssel hinzufügen.

Die Einrichtung dauert nur eine Minute.</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgelaufen</translation>
    </message>
    <message>
        <source>Promptdesk hit an error it did not expect. Your work is saved; you can go on.</source>
        <translation>Promptdesk ist auf einen unerwarteten Fehler gestoßen. Ihre Arbeit ist gespeichert; Sie können weiterarbeiten.</translation>
    </message>
</context>
</TS>
