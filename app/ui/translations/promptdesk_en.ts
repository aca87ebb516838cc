<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name />
    <message>
        <source>Required</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text, several lines allowed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Path to a file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Browse for %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a file for %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At least %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At most %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Runs on this computer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Runs on this computer, through %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sends the text of your files to %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ABDialog</name>
    <message>
        <source>A/B test — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run every test case of '%1' on two sides and test whether one passes more often than chance would explain.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Two versions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Two models</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Version A</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Version B</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Version both models run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Repeats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How many times each case runs on each side (about ten results a side are needed before a winner is called)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>B</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run A/B test</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose both A and B.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A and B are the same: choose two different ones.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ABPanel</name>
    <message>
        <source>No A/B result</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prompt ▸ A/B test… runs two versions (or two models) over the same test cases, several times each, and says here whether one is really better.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (Fisher's exact test, two-sided)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scores: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pass rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mean score</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>About</name>
    <message>
        <source>&lt;h3&gt;Promptdesk %1&lt;/h3&gt;&lt;p&gt;A local-first workbench for prompt engineering: a versioned library of prompt templates, local and remote models, file context, comparisons and history.&lt;/p&gt;&lt;p&gt;Everything you write is stored encrypted on this computer. Nothing leaves it unless you run a remote model.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AddSourceDialog</name>
    <message>
        <source>Add a context source</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Folder or file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. *.md, docs/*  (empty: everything)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. drafts/*, *.log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Include</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Exclude</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>.gitignore is respected; hidden files and files over the size limit are skipped.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a folder</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AnswersDialog</name>
    <message>
        <source>Sync is waiting for you</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing is waiting for an answer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A sync of %1 would delete %2 of its %3 prompts. Nothing has been deleted: delete them here too, or keep them (they are shared again, for everyone).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete them</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep them</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not connected: try again once the sync is online.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'%1' (%2) was restored on the server from a backup.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading the server's copy…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On the server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep the server's</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep mine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>branch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The %1 '%2' of '%3' was moved by %4 while yours pointed elsewhere. Take theirs, keep yours (it replaces theirs on the server), or merge both.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>someone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Take theirs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merge both</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CellDetail</name>
    <message>
        <source>Cell detail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click a cell of the matrix to see its output and why it passed or not.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Repeat %1 of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not run yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>score %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 tokens in, %2 out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>from the cache</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(the model wrote nothing)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assertions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent to the model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assertion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Judge %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rubric</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Raw answer</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search commands</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type a command or prompt name…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Commands</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No matching commands</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CompareColumn</name>
    <message numerus="yes">
        <source>Model for column %n</source>
        <translation>
            <numerusform>Model for column %n</numerusform><numerusform>Model for column %n</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Version for column %n</source>
        <translation>
            <numerusform>Version for column %n</numerusform><numerusform>Version for column %n</numerusform></translation>
    </message>
    <message>
        <source>Which version of the prompt this column runs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Parameters for this column only (on top of the shared ones)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Working copy</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ComparePicker</name>
    <message>
        <source>Compare with…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compare the run of %1 (%2) with:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The run to compare with</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Compare</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run the prompt on every column's model (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop every run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop every run (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add column</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove column</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Parameters for every column (a column's own ones win)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a column</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the last column</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ContextPage</name>
    <message>
        <source>Context</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How folders you give as context are split, embedded and watched. Chunk sizes apply to files indexed after a change.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ContextSearchPanel</name>
    <message>
        <source>Search your files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search your files…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add to context</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add the selected result to the context tray (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type to search your context sources.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform><numerusform>%n results</numerusform></translation>
    </message>
</context>
<context>
    <name>ContextTray</name>
    <message>
        <source>Context for the next run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Token budget</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Budget used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drop files or search results here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The exact context the run will send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The exact context the run will send.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a file as context</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>0 tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2 tokens</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n piece(s) sent</source>
        <translation>
            <numerusform>%n piece sent</numerusform><numerusform>%n pieces sent</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>; %n left out (over budget)</source>
        <translation>
            <numerusform>; %n left out (over budget)</numerusform><numerusform>; %n left out (over budget)</numerusform></translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <source>Differences</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EvalsView</name>
    <message>
        <source>Cell</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Comparison</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A/B result</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No evaluations yet. Add test cases in the prompt's Tests tab, then Run tests (Prompt ▸ Run tests) to see each case pass or fail here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An evaluation is running: stop it or wait for it first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stopping after the cells already running…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run the tests twice to compare two runs.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Eval runs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Matrix of results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run the cells this stopped run left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compare with…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What regressed and what was fixed since a run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop the eval; Resume runs the rest later</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Total: %1 of %2 passed (%3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cost %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>errors: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 not run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 from the cache</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not load the evaluations: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 / %2 cells</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ETA %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Evaluation stopped: Resume runs the cells left.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Evaluation finished.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Evaluations</name>
    <message>
        <source>working copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 passed (%2) · score %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Find (Ctrl+F)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace with</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace with (Ctrl+H)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Match case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace all</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Replaced %n</source>
        <translation>
            <numerusform>Replaced %n</numerusform><numerusform>Replaced %n</numerusform></translation>
    </message>
    <message>
        <source>No results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform><numerusform>%n matches</numerusform></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up Promptdesk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Creating your encrypted library…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Protecting your library as you chose…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your library is ready.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your library now opens with your new choice. The recovery key stays the same.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ready. Your library has a few example prompts to try.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Gallery</name>
    <message>
        <source>Open a prompt to publish it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Commit your changes first: the gallery publishes versions.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Published release %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Published “%1”: a moderator reviews it before it is public.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pull upstream…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a forked prompt to pull its upstream.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Commit your changes first, then pull upstream.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is up to date with its upstream.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merged release %1 from upstream; your edits are kept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gallery</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GalleryPage</name>
    <message>
        <source>Example outputs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Forked from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline: as it was at</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Passed on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Published forks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Release</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Releases</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Test cases</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Variables</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What it is</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>forks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>its parent entry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no ratings yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>release</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>uses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Media &amp; entertainment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Healthcare &amp; life sciences</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Manufacturing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Automotive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Financial services</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gaming</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <source>Best match</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Top rated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Most forked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Newest</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gallery — Promptdesk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search templates (title, tags, text)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sort:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All industries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Any license</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Any rating</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1★ and up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a tag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. local:smollm2-135m-instruct</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>License</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tested on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import starter templates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy the starter templates into your library (works offline)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Imported %n starter template(s) into your library.</source>
        <translation>
            <numerusform>Imported %n starter template into your library.</numerusform><numerusform>Imported %n starter templates into your library.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n were there already.</source>
        <translation>
            <numerusform>%n were there already.</numerusform><numerusform>%n were there already.</numerusform></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Spam or advertising</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Harmful or abusive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copies someone else's work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Misleading description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Does not work as described</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Something else</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try it…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fork to my library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Report…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not signed in to a team server: sign in (Tools ▸ Team and workspaces…) to browse its gallery, or import the starter templates.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>More than 1,000 templates: add words or filters</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation>
            <numerusform>%n template</numerusform><numerusform>%n templates</numerusform></translation>
    </message>
    <message>
        <source>Offline — the gallery as it was at %1. %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n fork(s)</source>
        <translation>
            <numerusform>%n fork</numerusform><numerusform>%n forks</numerusform></translation>
    </message>
    <message>
        <source>Choose a template to see its page.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Forked “%1” release %2 into your library as “%3”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in to rate templates.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You rated it %1★.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in to report templates.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why should a moderator look at “%1”?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reported; a moderator will look at it.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>No runs yet — run a prompt with Ctrl+Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All prompts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter by prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All models</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter by model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter by status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show every run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter by date: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usage per day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Selected run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No runs match these filters.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform><numerusform>%n runs</numerusform></translation>
    </message>
    <message>
        <source>%1 tokens in, %2 out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cost %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>the latest %n shown</source>
        <translation>
            <numerusform>the latest %n shown</numerusform><numerusform>the latest %n shown</numerusform></translation>
    </message>
    <message>
        <source>Could not load the run history: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <source>Set a label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the newest version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Protected (moving it needs confirmation)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LibraryExchange</name>
    <message>
        <source>Import prompts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 unchanged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export the library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The export file is not encrypted: anyone who can read it can read every prompt, version and label in it. Keep it somewhere safe.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Exported %n prompt(s) to %1.</source>
        <translation>
            <numerusform>Exported %n prompt to %1.</numerusform><numerusform>Exported %n prompts to %1.</numerusform></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LibrarySidebar</name>
    <message>
        <source>Use lowercase letters, digits, '-', '_' and '.', starting and ending with a letter or digit (at most 100).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is already a prompt named '%1'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search prompts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search prompts…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Folders and tags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prompts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All prompts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Workspaces</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>My library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Folders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. customer-reply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New name for '%1':</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Created %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete prompts</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Delete %n prompt(s)? You can undo this.</source>
        <translation>
            <numerusform>Delete %n prompt? You can undo this.</numerusform><numerusform>Delete %n prompts? You can undo this.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n prompt(s). Undo with Ctrl+Z in the library.</source>
        <translation>
            <numerusform>Deleted %n prompt. Undo with Ctrl+Z in the library.</numerusform><numerusform>Deleted %n prompts. Undo with Ctrl+Z in the library.</numerusform></translation>
    </message>
    <message>
        <source>There is no delete to undo.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Restored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New prompt…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undo delete</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LineageText</name>
    <message numerus="yes">
        <source>Forked from “%1” — %n release(s) behind</source>
        <translation>
            <numerusform>Forked from “%1” — %n release behind</numerusform><numerusform>Forked from “%1” — %n releases behind</numerusform></translation>
    </message>
    <message>
        <source>Forked from “%1” — release %2, up to date</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Promptdesk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a prompt from the library, or press %1 to create one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select one prompt to %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open or select a prompt first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>rename</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'%1' is read-only: you are a viewer in its workspace.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a prompt first.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Declared %n variable(s).</source>
        <translation>
            <numerusform>Declared %n variable.</numerusform><numerusform>Declared %n variables.</numerusform></translation>
    </message>
    <message>
        <source>Every variable the template uses is declared.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The new language applies when Promptdesk next starts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (label)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Evaluations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Workbench</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New prompt…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicate prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename prompt…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete prompt…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undo delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import prompts…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export library…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close tab</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cut</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paste</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Find in the template…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace in the template…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search the library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Command palette…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show Run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show Compare</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show Versions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show Context</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show Evaluations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gallery</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Switch light and dark theme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run tests</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A/B test…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Declare used variables</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Share to workspace…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Publish to the gallery…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pull upstream…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Team and workspaces…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About Promptdesk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Commit version…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New branch…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Switch branch…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merge branch…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set label…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add context folder…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tools</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 — Promptdesk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a prompt to run it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select one prompt to share.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in to a team sync server first (Settings ▸ Team).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'%1' is already in %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You have no workspace you can add prompts to: create one in Settings ▸ Team.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shared '%1' to %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a prompt to run its tests.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a prompt to A/B test it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An evaluation is running: stop it or wait for it first.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Totals</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2 results finished, %3 errors, %4 from the cache</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click for the output and each assertion's reason.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MembersDialog</name>
    <message>
        <source>Members of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Joined</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Email (optional: only they may join)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create invitation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The code appears here, once</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invite as</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a member first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove %1 from the workspace?</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge %1 into %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>after the merge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <source>The built-in model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SmolLM2 135M Instruct runs on this computer, offline, with no key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model preparation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It is small: good for trying prompts and Promptdesk out, not for real work. For real work, add a model file (Settings › Models) or connect a provider such as OpenAI, Anthropic or a local Ollama (Settings › Providers).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading models…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Local</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Built-in models are small: for trying things out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remote</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a provider's API key to list its models</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a model file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A GGUF model file or folder on this computer, in Settings › Models</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connect a provider…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An API key for a hosted provider, in Settings › Providers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Models could not be listed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 context</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>instruct</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>base: continues text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>prepared on first run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>local server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Instruct: follows instructions (it has a chat template)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Base: continues the text it is given; it does not follow instructions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>File: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Context: %n tokens</source>
        <translation>
            <numerusform>Context: %n tokens</numerusform><numerusform>Context: %n tokens</numerusform></translation>
    </message>
    <message>
        <source>Quantization: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Built in: small, for trying things out. For real work, add a model file or connect a provider.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Models</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Local models run on this computer, without a network. Add GGUF model files, or folders of them, to use them next to the built-in model.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Added model files and folders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a .gguf model file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add folder…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add every .gguf file in a folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Forget this file or folder; nothing is deleted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model files and folders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a model file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a folder of models</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No model files added yet; the built-in model is used.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot be read: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n model</numerusform><numerusform>%n models</numerusform></translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>Use %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OutputPane</name>
    <message>
        <source>Run error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Markdown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Raw</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show the answer rendered as Markdown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show the answer exactly as the model wrote it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy the answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy the answer as plain text</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PageWords</name>
    <message numerus="yes">
        <source>%n fork(s)</source>
        <translation>
            <numerusform>%n fork</numerusform><numerusform>%n forks</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n use(s)</source>
        <translation>
            <numerusform>%n use</numerusform><numerusform>%n uses</numerusform></translation>
    </message>
    <message>
        <source>with</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>one of</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ParamsButton</name>
    <message>
        <source>Run parameters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Temperature, top-p, max tokens and seed for the next run</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ParamsPanel</name>
    <message>
        <source>Temperature</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Top-p</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Max tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unticked: the prompt's setting, else %1 for local models (remote providers apply their own limit)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Override %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unticked: the prompt's setting, else the model's default</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Default parameters</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PeersBar</name>
    <message>
        <source>%1 is editing</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PromptFields</name>
    <message>
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A short, human title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What the prompt is for, and how to use it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Comma-separated, e.g. email, sales</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. Marketing/Emails</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. Retail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. Customer support replies</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Complexity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Beginner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Intermediate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Use case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Complexity</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PromptList</name>
    <message>
        <source>local changes not yet synced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>synced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In %1 (%2) — %3</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PromptPreview</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Token count</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Render error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The rendered prompt appears here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rendered prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The rendered prompt is empty</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n token(s) (exact)</source>
        <translation>
            <numerusform>%n token (exact)</numerusform><numerusform>%n tokens (exact)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) (estimate)</source>
        <translation>
            <numerusform>%n token (estimate)</numerusform><numerusform>%n tokens (estimate)</numerusform></translation>
    </message>
    <message>
        <source>Counted by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A run's own count also includes the model's chat template.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The prompt cannot be rendered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shown once the problem above is fixed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PromptTab</name>
    <message>
        <source>Prompt body</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write the prompt. Use {{ name }} for a variable's value and {% if name %}…{% endif %} for logic. Ctrl+F finds, Ctrl+H replaces.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Optional instructions sent as the system message, e.g. the role to play.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The user message (Ctrl+F find, Ctrl+H replace)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The system message (Ctrl+F find, Ctrl+H replace)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Template problems</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Variables</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Declare the used variables</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Declare every variable the template uses, with a type guessed from its name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Declare variables: type, default, bounds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Title, description, tags, folder and catalogue fields</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Test cases: values to run the prompt with and what the answer must satisfy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Values</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Branch being edited</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The branch whose working copy you are editing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tests</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tests (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+F find · Ctrl+H replace · Ctrl+Z undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All changes saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⎇ %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not open '%1': %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You are now a viewer of this prompt: what you typed is kept in your library as '%1'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Editing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'%1' is now on branch %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What you typed on the previous branch could not be saved: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not saved: %1. Your text is kept here; the next edit tries again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This prompt was deleted elsewhere. Its text stays here, read-only, until you close the tab: copy what you need.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Declare %n variable(s)</source>
        <translation>
            <numerusform>Declare %n variable</numerusform><numerusform>Declare %n variables</numerusform></translation>
    </message>
</context>
<context>
    <name>ProtectionPage</name>
    <message>
        <source>Protect your library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Everything is encrypted; choose where its key is kept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In the system keychain (recommended)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>With a passphrase I type when I start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No keychain is available on this system.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Passphrase again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No system keychain answers on this computer, so a passphrase protects the library.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProvidersPage</name>
    <message>
        <source>Providers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>API keys for remote models. Keys are kept in your system keychain, or encrypted in your store where there is none, and are never shown again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Runs on your computer; no key needed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>API key for %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the key for %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the key for %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paste a key first; nothing was stored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove API key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the %1 API key from this computer?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No key (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key stored in the system keychain</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key stored in the encrypted store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paste a new key to replace it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paste an API key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>—</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Beginner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Intermediate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Publish “%1” to the gallery</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new entry (reviewed before it is public)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new release of “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Include the test run's answers as example outputs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Publish as</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Complexity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>License</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tested on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run tests and publish</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Test cases that go with it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tick at least one test case: the gallery shows how a template is tested.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Running the test cases, then publishing…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PullDialog</name>
    <message>
        <source>Pull release %1 of “%2” into %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>release %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Upstream's changes since your fork's base. Merging keeps your own edits; where both changed the same words, both are kept for you to choose.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecoveryForm</name>
    <message>
        <source>Recovery key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep the key in the system keychain</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New passphrase again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the recovery key you saved when the library was created, and choose a new passphrase.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the recovery key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The new passphrase needs at least %1 characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Your recovery key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>If the passphrase is forgotten or the keychain is lost, this key is the only way back into your library. It is shown once: save it somewhere safe.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recovery key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>I have saved my recovery key somewhere safe</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Creating your encrypted library…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RunComparisonView</name>
    <message>
        <source>Version of the run before</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Version of the run after</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cases compared</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What moved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick a run, then Compare with… another run of the same prompt to see what changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run of %1 (before) → run of %2 (after)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Regressions: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fixes: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Score changes: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Removed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unchanged: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pass rate %1 → %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>regression</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>fixed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>score changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>now failing: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>now passing: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>score %1 → %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RunDetail</name>
    <message>
        <source>Re-run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re-run this prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run the same prompt, model and variables again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No run selected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a run to see its messages, context and output.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unsaved prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Context used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 in / %2 out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>First token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Finish reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Variables</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>File hash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(cut to fit)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RunMetrics</name>
    <message>
        <source>Run status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time to first token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens per second</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>First token: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Speed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens in: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens out: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting for the model…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Running…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Speed: ≈%1 tokens/s</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Tokens out: ≈%n</source>
        <translation>
            <numerusform>Tokens out: ≈%n</numerusform><numerusform>Tokens out: ≈%n</numerusform></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 in %2 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Speed: %1 tokens/s</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Tokens in: %n</source>
        <translation>
            <numerusform>Tokens in: %n</numerusform><numerusform>Tokens in: %n</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Tokens out: %n</source>
        <translation>
            <numerusform>Tokens out: %n</numerusform><numerusform>Tokens out: %n</numerusform></translation>
    </message>
    <message>
        <source>Cost: $%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>First token: %1 ms</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>Run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run the prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run the prompt (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop the run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop the run (%1)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RunTableModel</name>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens/s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(unsaved)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RunView</name>
    <message>
        <source>the runner gave no reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The prompt could not be run: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fix the prompt or give the missing values, then run again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message>
        <source>Running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Versions × models</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Repeats of each case: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingEditors</name>
    <message>
        <source>Theme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock when idle for</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU threads</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Embedding model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chunk size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chunk overlap</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Largest file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wait after changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Polling interval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Approximate search from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Follow system</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Automatic (one per core)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> chunks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Providers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings pages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data location</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Where your encrypted store is kept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the data folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data location:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock the store now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Locking closes your store; it takes your passphrase or keychain to open it again. Unsaved changes in this window are discarded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share to workspace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move '%1' into a team workspace. Its history goes with it; everyone in the workspace can open it, and editors can change it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Find in the template</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace in the template</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undo your typing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop a run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undo a delete (in the library)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Editor and panels</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SourcesPanel</name>
    <message>
        <source>Source</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chunks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Context sources</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add folder…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reindex</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading the context index…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Indexing progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n source</numerusform><numerusform>%n sources</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s) to search</source>
        <translation>
            <numerusform>%n passage to search</numerusform><numerusform>%n passages to search</numerusform></translation>
    </message>
    <message>
        <source>Vector search: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The context index is still loading; try again shortly.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>Promptdesk needs SQLCipher 4, but this installation provides {version}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reinstall Promptdesk.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{database} is not a Promptdesk store: {what}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move that file out of the way, or set PROMPTDESK_HOME to the folder that holds your store. The file was not changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That is not a valid recovery key ({reason}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A recovery key is 56 letters and digits in groups of eight, as shown when the library was created. Check it for typos.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key file {key_file} cannot be read ({reason}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose "Use recovery key…" and enter the recovery key you saved. The database was not changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store {database} exists but its key file {key_file} is missing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This store is protected by {mode}; {action} does not apply to it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings → Security shows how the library is protected.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key for this store is not in the OS keychain (service {service!r}, account {account!r}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The OS keychain did not answer within {seconds:g} seconds.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It may be locked and waiting for a password in another window. Unlock it and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The OS keychain is not available ({reason}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock or start your keychain and try again, or choose "Use recovery key…" to open the library with your recovery key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Migration {migration} differs from the one that was applied to this store.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Released migrations must never be edited; add a new migration instead. The store was not changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No new passphrase was given.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type it twice.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store {database} was written with SQLCipher 3, an older encryption format that this version of Promptdesk does not open directly.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Convert it in a terminal with `promptdesk store upgrade` (a copy of the old file is kept). The file was not changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This store is locked with a passphrase, and none was given.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type it to unlock.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That recovery key belongs to a different store.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use the recovery key that was exported from this store. Nothing was changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This store was written by a newer Promptdesk: it has migration {migration}, which this version does not know.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Update Promptdesk. The store was not changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A Promptdesk store already exists in {data_dir}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was changed: open it, or choose another data folder.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store {database} is busy: another program holds it ({detail}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close other Promptdesk windows or commands using this store and try again. Nothing was changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The library is locked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock it to go on; nothing was changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store file {database} is damaged or was changed outside Promptdesk ({detail}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Restore it from a backup. Promptdesk has not changed it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The Promptdesk store could not be used.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no Promptdesk store in {data_dir}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start Promptdesk without PROMPTDESK_HOME set to create a new library.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store file {database} is damaged: it is shorter than it should be.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file was cut off (a full disk, an interrupted copy or sync tool). Restore it from a backup. Promptdesk has not changed it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store {database} cannot be written ({detail}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check free disk space and that the folder is writable by you. Nothing was changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An interrupted setup left an empty database file {database} and no key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It holds no data. Start Promptdesk again to set up a new library.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The passphrase is too short: use at least {minimum} characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A few unrelated words make a passphrase that is long and easy to remember.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key does not open the store {database}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That passphrase does not unlock this store.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check Caps Lock and the keyboard layout and try again. If it is forgotten, choose "Use recovery key…". Nothing was changed.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message>
        <source>Team sync status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed in — no workspaces</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n label(s) or branch(es) to settle (click)</source>
        <translation>
            <numerusform>%n label or branch to settle (click)</numerusform><numerusform>%n labels or branches to settle (click)</numerusform></translation>
    </message>
</context>
<context>
    <name>SyncStatusText</name>
    <message numerus="yes">
        <source>Read-only: %n local change(s) cannot be sent</source>
        <translation>
            <numerusform>Read-only: %n local change cannot be sent</numerusform><numerusform>Read-only: %n local changes cannot be sent</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n local change(s) waiting</source>
        <translation>
            <numerusform>Offline — %n local change waiting</numerusform><numerusform>Offline — %n local changes waiting</numerusform></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paused: a sync would delete %1 of %2 prompts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paused: a prompt was restored on the server (click to choose)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync error: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Syncing %n change(s)</source>
        <translation>
            <numerusform>Syncing %n change</numerusform><numerusform>Syncing %n changes</numerusform></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Synced</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TabPresence</name>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Read-only: you are a viewer in %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>Team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync a team's prompts through a Promptdesk sync server: edit offline, merge without conflict copies, see who else is editing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Email:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Also remove the workspaces' prompts from here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New workspace…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Members…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invitation code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Join</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invitation:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revoke device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Devices signed in to this account:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed in to %1 as %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not synced on this device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync this workspace on this device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fill in the server, your email and your password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove every prompt of your workspaces from this device?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed out here, but the server could not revoke this device (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New workspace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paste the invitation code first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a workspace first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (this device)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a device first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>To sign this device out, use Sign out.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>'%1' is not declared; add it in Variables</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'%1' is declared but never used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Find…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TestsEditor</name>
    <message>
        <source>Test cases</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a test case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a copy of the selected case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete the selected case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run the prompt on the selected case and grade it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run the prompt on every case and grade them</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No test cases yet. A case gives the prompt's variables values and says what the answer must satisfy; Run all grades every case. Add one to begin.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Case %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assertion type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Negate the assertion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pass when the check fails (promptfoo's not- prefix)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assertion weight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How much this assertion counts in the case's score</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>weight </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assertion threshold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The score, distance, milliseconds or dollars at which it passes; blank: the type's default</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>threshold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove assertion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove this assertion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assertion value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not a built-in type (a plugin's)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Passes when this does not hold: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No assertions: add what the output must contain, match or satisfy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add assertion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a check of the output to this case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Case description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What this case checks, e.g. a polite refusal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Case weight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How much this case counts in the eval's total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Case threshold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The weighted score, 0 to 1, at which the case passes; blank: every assertion must pass</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>every assertion must pass</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The prompt declares no variables.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Values</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assertions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scoring</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Weight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>T&amp;hreshold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (not declared)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Value of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>default: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>required (%1)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TryDialog</name>
    <message>
        <source>Try “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The model's answer appears here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing is kept: fork the template to keep and change it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Running…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 tokens in, %2 out · %3 s</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Promptdesk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the passphrase of your encrypted library.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Promptdesk is locked. Your library stays encrypted until you unlock it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Promptdesk is locked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use recovery key…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock with your recovery key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlocking…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That passphrase does not unlock this library. Check Caps Lock and try again, or use your recovery key.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UsageChart</name>
    <message>
        <source>Tokens in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens and cost per day</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VariableDeclarations</name>
    <message>
        <source>Use letters, digits and '_', starting with a letter, as in {{ customer_name }}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'%1' is already declared.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Variable declarations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choices as a|b|c; bounds of numbers as 1..10 (either side optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add variable…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add variable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Declare a new variable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove variable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the selected variables</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Used in the template but not declared: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Declare all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name (use it in the template as {{ name }}):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. customer_name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>bounds are written as 1..10</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is declared twice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>bounds are numbers, as in 1..10</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VariablesForm</name>
    <message>
        <source>This prompt has no variables. Declare them under Variables and use them in the template as {{ name }}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (required)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VersionsPanel</name>
    <message>
        <source>Use letters, digits, '-', '_' and '.' (at most 64), not 'working'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'%1' is already used.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Branch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Commit…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New branch…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merge…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set label…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>production → %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no production version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Protected: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>working copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Commit a version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What changed?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Committed %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New branch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name of the new branch (it is checked out):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. shorter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Switch branch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check out:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merge this branch into %1:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merged %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Commit a version first, then label it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set label on this version…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New branch from this version…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy version id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Commit version…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merge branch…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no other branch to merge.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a version to compare it with your working copy; Ctrl+click a second one to compare the two.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Protected label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'%1' is protected. Move it to this version anyway?</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Promptdesk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Promptdesk keeps your prompts, versions, runs and file context in an encrypted library on this computer. It runs a small local model with no account and no network, and any provider you add a key for.

Setting up takes a minute.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Promptdesk hit an error it did not expect. Your work is saved; you can go on.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>