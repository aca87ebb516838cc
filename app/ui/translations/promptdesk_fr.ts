<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name></name>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Text, several lines allowed</source>
        <translation>Texte, plusieurs lignes possibles</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Path to a file</source>
        <translation>Chemin d&apos;un fichier</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>Parcourir pour %1</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
    <message>
        <source>Choose a file for %1</source>
        <translation>Choisir un fichier pour %1</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>De %1 à %2</translation>
    </message>
    <message>
        <source>At least %1</source>
        <translation>Au moins %1</translation>
    </message>
    <message>
        <source>At most %1</source>
        <translation>Au plus %1</translation>
    </message>
    <message>
        <source>Runs on this computer</source>
        <translation>S&apos;exécute sur cet ordinateur</translation>
    </message>
    <message>
        <source>Runs on this computer, through %1</source>
        <translation>S&apos;exécute sur cet ordinateur, via %1</translation>
    </message>
    <message>
        <source>Sends the text of your files to %1</source>
        <translation>Envoie le texte de vos fichiers à %1</translation>
    </message>
</context>
<context>
    <name>ABDialog</name>
    <message>
        <source>A/B test — %1</source>
        <translation>Test A/B — %1</translation>
    </message>
    <message>
        <source>Run every test case of &apos;%1&apos; on two sides and test whether one passes more often than chance would explain.</source>
        <translation>Exécute chaque cas de test de «&#xa0;%1&#xa0;» sur deux côtés et vérifie si l&apos;un réussit plus souvent que ne l&apos;expliquerait le hasard.</translation>
    </message>
    <message>
        <source>Two versions</source>
        <translation>Deux versions</translation>
    </message>
    <message>
        <source>Two models</source>
        <translation>Deux modèles</translation>
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
        <translation>Version exécutée par les deux modèles</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Répétitions</translation>
    </message>
    <message>
        <source>How many times each case runs on each side (about ten results a side are needed before a winner is called)</source>
        <translation>Nombre d&apos;exécutions de chaque cas de chaque côté (il faut environ dix résultats par côté avant de désigner un gagnant)</translation>
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
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Run A/B test</source>
        <translation>Exécuter le test A/B</translation>
    </message>
    <message>
        <source>Choose both A and B.</source>
        <translation>Choisissez A et B.</translation>
    </message>
    <message>
        <source>A and B are the same: choose two different ones.</source>
        <translation>A et B sont identiques&#xa0;: faites deux choix différents.</translation>
    </message>
</context>
<context>
    <name>ABPanel</name>
    <message>
        <source>No A/B result</source>
        <translation>Aucun résultat A/B</translation>
    </message>
    <message>
        <source>Prompt ▸ A/B test… runs two versions (or two models) over the same test cases, several times each, and says here whether one is really better.</source>
        <translation>Prompt ▸ Test A/B… exécute deux versions (ou deux modèles) sur les mêmes cas de test, plusieurs fois chacun, et indique ici si l&apos;un des deux est vraiment meilleur.</translation>
    </message>
    <message>
        <source>%1 (Fisher&apos;s exact test, two-sided)</source>
        <translation>%1 (test exact de Fisher, bilatéral)</translation>
    </message>
    <message>
        <source>Scores: %1</source>
        <translation>Scores&#xa0;: %1</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Réussis</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>Taux de réussite</translation>
    </message>
    <message>
        <source>Mean score</source>
        <translation>Score moyen</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
</context>
<context>
    <name>About</name>
    <message>
        <source>&lt;h3&gt;Promptdesk %1&lt;/h3&gt;&lt;p&gt;A local-first workbench for prompt engineering: a versioned library of prompt templates, local and remote models, file context, comparisons and history.&lt;/p&gt;&lt;p&gt;Everything you write is stored encrypted on this computer. Nothing leaves it unless you run a remote model.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Promptdesk %1&lt;/h3&gt;&lt;p&gt;Un atelier local pour l&apos;ingénierie de prompts&#xa0;: une bibliothèque versionnée de gabarits de prompts, des modèles locaux et distants, le contexte de vos fichiers, des comparaisons et l&apos;historique.&lt;/p&gt;&lt;p&gt;Tout ce que vous écrivez est stocké chiffré sur cet ordinateur. Rien n&apos;en sort, sauf si vous exécutez un modèle distant.&lt;/p&gt;&lt;p&gt;Distribué sous licence Apache 2.0.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AddSourceDialog</name>
    <message>
        <source>Add a context source</source>
        <translation>Ajouter une source de contexte</translation>
    </message>
    <message>
        <source>Folder or file</source>
        <translation>Dossier ou fichier</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>e.g. *.md, docs/*  (empty: everything)</source>
        <translation>p. ex. *.md, docs/*  (vide&#xa0;: tout)</translation>
    </message>
    <message>
        <source>e.g. drafts/*, *.log</source>
        <translation>p. ex. drafts/*, *.log</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Inclure</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>Exclure</translation>
    </message>
    <message>
        <source>.gitignore is respected; hidden files and files over the size limit are skipped.</source>
        <translation>.gitignore est respecté&#xa0;; les fichiers cachés et ceux qui dépassent la taille limite sont ignorés.</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Choisir un dossier</translation>
    </message>
</context>
<context>
    <name>AnswersDialog</name>
    <message>
        <source>Sync is waiting for you</source>
        <translation>La synchronisation attend votre réponse</translation>
    </message>
    <message>
        <source>Nothing is waiting for an answer.</source>
        <translation>Rien n&apos;attend de réponse.</translation>
    </message>
    <message>
        <source>A sync of %1 would delete %2 of its %3 prompts. Nothing has been deleted: delete them here too, or keep them (they are shared again, for everyone).</source>
        <translation>Une synchronisation de %1 supprimerait %2 de ses %3 prompts. Rien n&apos;a été supprimé&#xa0;: supprimez-les ici aussi, ou conservez-les (ils sont de nouveau partagés, pour tout le monde).</translation>
    </message>
    <message>
        <source>Delete them</source>
        <translation>Les supprimer</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Les conserver</translation>
    </message>
    <message>
        <source>Not connected: try again once the sync is online.</source>
        <translation>Non connecté&#xa0;: réessayez une fois la synchronisation en ligne.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2) was restored on the server from a backup.</source>
        <translation>«&#xa0;%1&#xa0;» (%2) a été restauré sur le serveur à partir d&apos;une sauvegarde.</translation>
    </message>
    <message>
        <source>Loading the server&apos;s copy…</source>
        <translation>Chargement de la copie du serveur…</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Sur le serveur</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Ici</translation>
    </message>
    <message>
        <source>Keep the server&apos;s</source>
        <translation>Conserver celle du serveur</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Conserver la mienne</translation>
    </message>
    <message>
        <source>label</source>
        <translation>l&apos;étiquette</translation>
    </message>
    <message>
        <source>branch</source>
        <translation>la branche</translation>
    </message>
    <message>
        <source>The %1 &apos;%2&apos; of &apos;%3&apos; was moved by %4 while yours pointed elsewhere. Take theirs, keep yours (it replaces theirs on the server), or merge both.</source>
        <translation>Dans «&#xa0;%3&#xa0;», %1 «&#xa0;%2&#xa0;» a été déplacée par %4 alors que la vôtre pointait ailleurs. Prenez la leur, conservez la vôtre (elle remplace la leur sur le serveur) ou fusionnez les deux.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>quelqu&apos;un</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Prendre la leur</translation>
    </message>
    <message>
        <source>Merge both</source>
        <translation>Fusionner les deux</translation>
    </message>
</context>
<context>
    <name>CellDetail</name>
    <message>
        <source>Cell detail</source>
        <translation>Détail de la cellule</translation>
    </message>
    <message>
        <source>Click a cell of the matrix to see its output and why it passed or not.</source>
        <translation>Cliquez sur une cellule de la matrice pour voir sa sortie et pourquoi elle a réussi ou non.</translation>
    </message>
    <message>
        <source>Repeat %1 of %2</source>
        <translation>Répétition %1 sur %2</translation>
    </message>
    <message>
        <source>Not run yet</source>
        <translation>Pas encore exécuté</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>score %1</translation>
    </message>
    <message>
        <source>%1 tokens in, %2 out</source>
        <translation>%1 jetons en entrée, %2 en sortie</translation>
    </message>
    <message>
        <source>from the cache</source>
        <translation>depuis le cache</translation>
    </message>
    <message>
        <source>(the model wrote nothing)</source>
        <translation>(le modèle n&apos;a rien écrit)</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Assertions</source>
        <translation>Assertions</translation>
    </message>
    <message>
        <source>Sent to the model</source>
        <translation>Envoyé au modèle</translation>
    </message>
    <message>
        <source>Assertion</source>
        <translation>Assertion</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Judge %1</source>
        <translation>Évalué par %1</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Grille d&apos;évaluation</translation>
    </message>
    <message>
        <source>Raw answer</source>
        <translation>Réponse brute</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>Palette de commandes</translation>
    </message>
    <message>
        <source>Search commands</source>
        <translation>Rechercher des commandes</translation>
    </message>
    <message>
        <source>Type a command or prompt name…</source>
        <translation>Saisissez une commande ou un nom de prompt…</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>No matching commands</source>
        <translation>Aucune commande correspondante</translation>
    </message>
</context>
<context>
    <name>CompareColumn</name>
    <message numerus="yes">
        <source>Model for column %n</source>
        <translation>
            <numerusform>Modèle de la colonne %n</numerusform>
            <numerusform>Modèle de la colonne %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Version for column %n</source>
        <translation>
            <numerusform>Version de la colonne %n</numerusform>
            <numerusform>Version de la colonne %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Which version of the prompt this column runs</source>
        <translation>Version du prompt exécutée par cette colonne</translation>
    </message>
    <message>
        <source>Parameters for this column only (on top of the shared ones)</source>
        <translation>Paramètres propres à cette colonne (en plus des paramètres communs)</translation>
    </message>
    <message>
        <source>Working copy</source>
        <translation>Copie de travail</translation>
    </message>
</context>
<context>
    <name>ComparePicker</name>
    <message>
        <source>Compare with…</source>
        <translation>Comparer avec…</translation>
    </message>
    <message>
        <source>Compare the run of %1 (%2) with:</source>
        <translation>Comparer l&apos;exécution de %1 (%2) avec&#xa0;:</translation>
    </message>
    <message>
        <source>The run to compare with</source>
        <translation>L&apos;exécution à comparer</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>Run the prompt on every column&apos;s model (%1)</source>
        <translation>Exécuter le prompt avec le modèle de chaque colonne (%1)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop every run</source>
        <translation>Arrêter toutes les exécutions</translation>
    </message>
    <message>
        <source>Stop every run (%1)</source>
        <translation>Arrêter toutes les exécutions (%1)</translation>
    </message>
    <message>
        <source>Add column</source>
        <translation>Ajouter une colonne</translation>
    </message>
    <message>
        <source>Remove column</source>
        <translation>Retirer une colonne</translation>
    </message>
    <message>
        <source>Parameters for every column (a column&apos;s own ones win)</source>
        <translation>Paramètres de toutes les colonnes (ceux propres à une colonne l&apos;emportent)</translation>
    </message>
    <message>
        <source>Add a column</source>
        <translation>Ajouter une colonne</translation>
    </message>
    <message>
        <source>Remove the last column</source>
        <translation>Retirer la dernière colonne</translation>
    </message>
</context>
<context>
    <name>ContextPage</name>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>How folders you give as context are split, embedded and watched. Chunk sizes apply to files indexed after a change.</source>
        <translation>Comment les dossiers fournis comme contexte sont découpés, vectorisés et surveillés. Les tailles de fragment s&apos;appliquent aux fichiers indexés après une modification.</translation>
    </message>
</context>
<context>
    <name>ContextSearchPanel</name>
    <message>
        <source>Search your files</source>
        <translation>Rechercher dans vos fichiers</translation>
    </message>
    <message>
        <source>Search your files…</source>
        <translation>Rechercher dans vos fichiers…</translation>
    </message>
    <message>
        <source>Search mode</source>
        <translation>Mode de recherche</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de recherche</translation>
    </message>
    <message>
        <source>Add to context</source>
        <translation>Ajouter au contexte</translation>
    </message>
    <message>
        <source>Add the selected result to the context tray (Enter)</source>
        <translation>Ajouter le résultat sélectionné au bac de contexte (Enter)</translation>
    </message>
    <message>
        <source>Type to search your context sources.</source>
        <translation>Saisissez du texte pour rechercher dans vos sources de contexte.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContextTray</name>
    <message>
        <source>Context for the next run</source>
        <translation>Contexte de la prochaine exécution</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>Ajouter un fichier…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <source>Token budget</source>
        <translation>Budget de jetons</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> jetons</translation>
    </message>
    <message>
        <source>Budget used</source>
        <translation>Budget utilisé</translation>
    </message>
    <message>
        <source>Drop files or search results here.</source>
        <translation>Déposez ici des fichiers ou des résultats de recherche.</translation>
    </message>
    <message>
        <source>The exact context the run will send</source>
        <translation>Le contexte exact que l&apos;exécution enverra</translation>
    </message>
    <message>
        <source>The exact context the run will send.</source>
        <translation>Le contexte exact que l&apos;exécution enverra.</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Add a file as context</source>
        <translation>Ajouter un fichier comme contexte</translation>
    </message>
    <message>
        <source>0 tokens</source>
        <translation>0 jeton</translation>
    </message>
    <message>
        <source>%1 of %2 tokens</source>
        <translation>%1 sur %2 jetons</translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s) sent</source>
        <translation>
            <numerusform>%n extrait envoyé</numerusform>
            <numerusform>%n extraits envoyés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n left out (over budget)</source>
        <translation>
            <numerusform>; %n écarté (hors budget)</numerusform>
            <numerusform>; %n écartés (hors budget)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <source>Differences</source>
        <translation>Différences</translation>
    </message>
</context>
<context>
    <name>EvalsView</name>
    <message>
        <source>Cell</source>
        <translation>Cellule</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <source>A/B result</source>
        <translation>Résultat A/B</translation>
    </message>
    <message>
        <source>No evaluations yet. Add test cases in the prompt&apos;s Tests tab, then Run tests (Prompt ▸ Run tests) to see each case pass or fail here.</source>
        <translation>Aucune évaluation pour l&apos;instant. Ajoutez des cas de test dans l&apos;onglet Tests du prompt, puis exécutez les tests (Prompt ▸ Exécuter les tests) pour voir ici chaque cas réussir ou échouer.</translation>
    </message>
    <message>
        <source>An evaluation is running: stop it or wait for it first.</source>
        <translation>Une évaluation est en cours&#xa0;: arrêtez-la ou attendez d&apos;abord qu&apos;elle se termine.</translation>
    </message>
    <message>
        <source>Stopping after the cells already running…</source>
        <translation>Arrêt après les cellules déjà en cours…</translation>
    </message>
    <message>
        <source>Run the tests twice to compare two runs.</source>
        <translation>Exécutez les tests deux fois pour comparer deux exécutions.</translation>
    </message>
    <message>
        <source>Eval runs</source>
        <translation>Exécutions d&apos;évaluation</translation>
    </message>
    <message>
        <source>Matrix of results</source>
        <translation>Matrice des résultats</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Run the cells this stopped run left</source>
        <translation>Exécuter les cellules laissées par cette exécution arrêtée</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Comparer avec…</translation>
    </message>
    <message>
        <source>What regressed and what was fixed since a run</source>
        <translation>Ce qui a régressé et ce qui a été corrigé depuis une exécution</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop the eval; Resume runs the rest later</source>
        <translation>Arrêter l&apos;évaluation&#xa0;; «&#xa0;Reprendre&#xa0;» exécute le reste plus tard</translation>
    </message>
    <message>
        <source>Total: %1 of %2 passed (%3)</source>
        <translation>Total&#xa0;: %1 sur %2 réussis (%3)</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>coût %1</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 jetons</translation>
    </message>
    <message>
        <source>errors: %1</source>
        <translation>erreurs&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 not run</source>
        <translation>%1 non exécutées</translation>
    </message>
    <message>
        <source>%1 from the cache</source>
        <translation>%1 depuis le cache</translation>
    </message>
    <message>
        <source>Could not load the evaluations: %1</source>
        <translation>Impossible de charger les évaluations&#xa0;: %1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>%1 / %2 cells</source>
        <translation>%1 / %2 cellules</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Temps restant %1</translation>
    </message>
    <message>
        <source>Evaluation stopped: Resume runs the cells left.</source>
        <translation>Évaluation arrêtée&#xa0;: «&#xa0;Reprendre&#xa0;» exécute les cellules restantes.</translation>
    </message>
    <message>
        <source>Evaluation finished.</source>
        <translation>Évaluation terminée.</translation>
    </message>
</context>
<context>
    <name>Evaluations</name>
    <message>
        <source>working copy</source>
        <translation>copie de travail</translation>
    </message>
    <message>
        <source>%1 passed (%2) · score %3</source>
        <translation>%1 réussis (%2) · score %3</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 jetons</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Find (Ctrl+F)</source>
        <translation>Rechercher (Ctrl+F)</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Remplacer par</translation>
    </message>
    <message>
        <source>Replace with (Ctrl+H)</source>
        <translation>Remplacer par (Ctrl+H)</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Respecter la casse</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Occurrence précédente (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Occurrence suivante (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Esc)</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Tout remplacer</translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n</source>
        <translation>
            <numerusform>%n remplacée</numerusform>
            <numerusform>%n remplacées</numerusform>
        </translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n occurrence</numerusform>
            <numerusform>%n occurrences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up Promptdesk</source>
        <translation>Configurer Promptdesk</translation>
    </message>
    <message>
        <source>Creating your encrypted library…</source>
        <translation>Création de votre bibliothèque chiffrée…</translation>
    </message>
    <message>
        <source>Protecting your library as you chose…</source>
        <translation>Protection de votre bibliothèque selon votre choix…</translation>
    </message>
    <message>
        <source>Your library is ready.</source>
        <translation>Votre bibliothèque est prête.</translation>
    </message>
    <message>
        <source>Your library now opens with your new choice. The recovery key stays the same.</source>
        <translation>Votre bibliothèque s&apos;ouvre désormais selon votre nouveau choix. La clé de récupération reste la même.</translation>
    </message>
    <message>
        <source>Ready. Your library has a few example prompts to try.</source>
        <translation>C&apos;est prêt. Votre bibliothèque contient quelques prompts d&apos;exemple à essayer.</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Une erreur s&apos;est produite&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Gallery</name>
    <message>
        <source>Open a prompt to publish it.</source>
        <translation>Ouvrez un prompt pour le publier.</translation>
    </message>
    <message>
        <source>Commit your changes first: the gallery publishes versions.</source>
        <translation>Validez d&apos;abord vos modifications&#xa0;: la galerie publie des versions.</translation>
    </message>
    <message>
        <source>Published release %1.</source>
        <translation>Version %1 publiée.</translation>
    </message>
    <message>
        <source>Published “%1”: a moderator reviews it before it is public.</source>
        <translation>«&#xa0;%1&#xa0;» publié&#xa0;: un modérateur l&apos;examine avant qu&apos;il devienne public.</translation>
    </message>
    <message>
        <source>Pull upstream…</source>
        <translation>Récupérer depuis l&apos;original…</translation>
    </message>
    <message>
        <source>Open a forked prompt to pull its upstream.</source>
        <translation>Ouvrez un prompt dérivé pour récupérer les changements de son original.</translation>
    </message>
    <message>
        <source>Commit your changes first, then pull upstream.</source>
        <translation>Validez d&apos;abord vos modifications, puis récupérez celles de l&apos;original.</translation>
    </message>
    <message>
        <source>“%1” is up to date with its upstream.</source>
        <translation>«&#xa0;%1&#xa0;» est à jour par rapport à son original.</translation>
    </message>
    <message>
        <source>Merged release %1 from upstream; your edits are kept.</source>
        <translation>Version publiée %1 de l&apos;original fusionnée&#xa0;; vos modifications sont conservées.</translation>
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
        <translation>Exemples de sortie</translation>
    </message>
    <message>
        <source>Forked from</source>
        <translation>Dérivé de</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Offline: as it was at</source>
        <translation>Hors ligne&#xa0;: état du</translation>
    </message>
    <message>
        <source>Passed on</source>
        <translation>Réussis sur</translation>
    </message>
    <message>
        <source>Published forks</source>
        <translation>Dérivés publiés</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Version publiée</translation>
    </message>
    <message>
        <source>Releases</source>
        <translation>Versions publiées</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Prompt système</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Gabarit</translation>
    </message>
    <message>
        <source>Test cases</source>
        <translation>Cas de test</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>by</source>
        <translation>par</translation>
    </message>
    <message>
        <source>forks</source>
        <translation>dérivés</translation>
    </message>
    <message>
        <source>its parent entry</source>
        <translation>son entrée d&apos;origine</translation>
    </message>
    <message>
        <source>no ratings yet</source>
        <translation>pas encore de note</translation>
    </message>
    <message>
        <source>release</source>
        <translation>version publiée</translation>
    </message>
    <message>
        <source>uses</source>
        <translation>utilisations</translation>
    </message>
    <message>
        <source>Media &amp; entertainment</source>
        <translation>Médias et divertissement</translation>
    </message>
    <message>
        <source>Healthcare &amp; life sciences</source>
        <translation>Santé et sciences de la vie</translation>
    </message>
    <message>
        <source>Retail</source>
        <translation>Commerce de détail</translation>
    </message>
    <message>
        <source>Manufacturing</source>
        <translation>Industrie manufacturière</translation>
    </message>
    <message>
        <source>Automotive</source>
        <translation>Automobile</translation>
    </message>
    <message>
        <source>Financial services</source>
        <translation>Services financiers</translation>
    </message>
    <message>
        <source>Gaming</source>
        <translation>Jeux vidéo</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <source>Best match</source>
        <translation>Pertinence</translation>
    </message>
    <message>
        <source>Top rated</source>
        <translation>Mieux notés</translation>
    </message>
    <message>
        <source>Most forked</source>
        <translation>Plus dérivés</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Plus récents</translation>
    </message>
    <message>
        <source>Trending</source>
        <translation>Tendances</translation>
    </message>
    <message>
        <source>Gallery — Promptdesk</source>
        <translation>Galerie — Promptdesk</translation>
    </message>
    <message>
        <source>Search templates (title, tags, text)</source>
        <translation>Rechercher des gabarits (titre, mots-clés, texte)</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>Trier&#xa0;:</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>Tous les secteurs</translation>
    </message>
    <message>
        <source>Any license</source>
        <translation>Toute licence</translation>
    </message>
    <message>
        <source>Any rating</source>
        <translation>Toute note</translation>
    </message>
    <message>
        <source>%1★ and up</source>
        <translation>%1★ et plus</translation>
    </message>
    <message>
        <source>a tag</source>
        <translation>un mot-clé</translation>
    </message>
    <message>
        <source>e.g. local:smollm2-135m-instruct</source>
        <translation>p. ex. local:smollm2-135m-instruct</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Mot-clé</translation>
    </message>
    <message>
        <source>Tested on</source>
        <translation>Testé sur</translation>
    </message>
    <message>
        <source>Import starter templates</source>
        <translation>Importer les gabarits de départ</translation>
    </message>
    <message>
        <source>Copy the starter templates into your library (works offline)</source>
        <translation>Copier les gabarits de départ dans votre bibliothèque (fonctionne hors ligne)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n starter template(s) into your library.</source>
        <translation>
            <numerusform>%n gabarit de départ importé dans votre bibliothèque.</numerusform>
            <numerusform>%n gabarits de départ importés dans votre bibliothèque.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were there already.</source>
        <translation>
            <numerusform>%n y était déjà.</numerusform>
            <numerusform>%n y étaient déjà.</numerusform>
        </translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Spam or advertising</source>
        <translation>Spam ou publicité</translation>
    </message>
    <message>
        <source>Harmful or abusive</source>
        <translation>Nuisible ou injurieux</translation>
    </message>
    <message>
        <source>Copies someone else&apos;s work</source>
        <translation>Copie le travail de quelqu’un d’autre</translation>
    </message>
    <message>
        <source>Misleading description</source>
        <translation>Description trompeuse</translation>
    </message>
    <message>
        <source>Does not work as described</source>
        <translation>Ne fonctionne pas comme décrit</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Autre chose</translation>
    </message>
    <message>
        <source>Try it…</source>
        <translation>Essayer…</translation>
    </message>
    <message>
        <source>Fork to my library</source>
        <translation>Dériver dans ma bibliothèque</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>Signaler…</translation>
    </message>
    <message>
        <source>Not signed in to a team server: sign in (Tools ▸ Team and workspaces…) to browse its gallery, or import the starter templates.</source>
        <translation>Non connecté à un serveur d&apos;équipe&#xa0;: connectez-vous (Outils ▸ Équipe et espaces de travail…) pour parcourir sa galerie, ou importez les gabarits de départ.</translation>
    </message>
    <message>
        <source>More than 1,000 templates: add words or filters</source>
        <translation>Plus de 1&#xa0;000 gabarits&#xa0;: ajoutez des mots ou des filtres</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation>
            <numerusform>%n gabarit</numerusform>
            <numerusform>%n gabarits</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline — the gallery as it was at %1. %2</source>
        <translation>Hors ligne — la galerie telle qu&apos;elle était le %1. %2</translation>
    </message>
    <message numerus="yes">
        <source>%n fork(s)</source>
        <translation>
            <numerusform>%n dérivé</numerusform>
            <numerusform>%n dérivés</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a template to see its page.</source>
        <translation>Choisissez un gabarit pour afficher sa page.</translation>
    </message>
    <message>
        <source>Forked “%1” release %2 into your library as “%3”.</source>
        <translation>Version publiée %2 de «&#xa0;%1&#xa0;» dérivée dans votre bibliothèque sous le nom «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <source>Sign in to rate templates.</source>
        <translation>Connectez-vous pour noter des gabarits.</translation>
    </message>
    <message>
        <source>You rated it %1★.</source>
        <translation>Votre note&#xa0;: %1★.</translation>
    </message>
    <message>
        <source>Sign in to report templates.</source>
        <translation>Connectez-vous pour signaler des gabarits.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Signaler</translation>
    </message>
    <message>
        <source>Why should a moderator look at “%1”?</source>
        <translation>Pourquoi un modérateur devrait-il examiner «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Reported; a moderator will look at it.</source>
        <translation>Signalement envoyé&#xa0;; un modérateur va l&apos;examiner.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>No runs yet — run a prompt with Ctrl+Enter</source>
        <translation>Aucune exécution pour l&apos;instant — exécutez un prompt avec Ctrl+Enter</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>All prompts</source>
        <translation>Tous les prompts</translation>
    </message>
    <message>
        <source>Filter by prompt</source>
        <translation>Filtrer par prompt</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>Tous les modèles</translation>
    </message>
    <message>
        <source>Filter by model</source>
        <translation>Filtrer par modèle</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrer par statut</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Réussie</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Réinitialiser les filtres</translation>
    </message>
    <message>
        <source>Show every run</source>
        <translation>Afficher toutes les exécutions</translation>
    </message>
    <message>
        <source>Filter by date: %1</source>
        <translation>Filtrer par date&#xa0;: %1</translation>
    </message>
    <message>
        <source>Usage per day</source>
        <translation>Utilisation par jour</translation>
    </message>
    <message>
        <source>Selected run</source>
        <translation>Exécution sélectionnée</translation>
    </message>
    <message>
        <source>No runs match these filters.</source>
        <translation>Aucune exécution ne correspond à ces filtres.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n exécution</numerusform>
            <numerusform>%n exécutions</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens in, %2 out</source>
        <translation>%1 jetons en entrée, %2 en sortie</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>coût %1</translation>
    </message>
    <message numerus="yes">
        <source>the latest %n shown</source>
        <translation>
            <numerusform>la plus récente (%n) affichée</numerusform>
            <numerusform>les %n plus récentes affichées</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load the run history: %1</source>
        <translation>Impossible de charger l&apos;historique des exécutions&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <source>Set a label</source>
        <translation>Définir une étiquette</translation>
    </message>
    <message>
        <source>the newest version</source>
        <translation>la version la plus récente</translation>
    </message>
    <message>
        <source>Protected (moving it needs confirmation)</source>
        <translation>Protégée (la déplacer demande une confirmation)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
</context>
<context>
    <name>LibraryExchange</name>
    <message>
        <source>Import prompts</source>
        <translation>Importer des prompts</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 unchanged.</source>
        <translation>Importés&#xa0;: %1 nouveaux, %2 mis à jour, %3 inchangés.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Échec de l&apos;importation</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Export the library</source>
        <translation>Exporter la bibliothèque</translation>
    </message>
    <message>
        <source>The export file is not encrypted: anyone who can read it can read every prompt, version and label in it. Keep it somewhere safe.</source>
        <translation>Le fichier exporté n&apos;est pas chiffré&#xa0;: quiconque peut le lire peut lire tous les prompts, versions et étiquettes qu&apos;il contient. Conservez-le en lieu sûr.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n prompt(s) to %1.</source>
        <translation>
            <numerusform>%n prompt exporté vers %1.</numerusform>
            <numerusform>%n prompts exportés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;exportation</translation>
    </message>
</context>
<context>
    <name>LibrarySidebar</name>
    <message>
        <source>Use lowercase letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, starting and ending with a letter or digit (at most 100).</source>
        <translation>Utilisez des minuscules, des chiffres, &apos;-&apos;, &apos;_&apos; et &apos;.&apos;, en commençant et en terminant par une lettre ou un chiffre (100 au maximum).</translation>
    </message>
    <message>
        <source>There is already a prompt named &apos;%1&apos;.</source>
        <translation>Un prompt nommé «&#xa0;%1&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <source>Search prompts</source>
        <translation>Rechercher des prompts</translation>
    </message>
    <message>
        <source>Search prompts…</source>
        <translation>Rechercher des prompts…</translation>
    </message>
    <message>
        <source>Folders and tags</source>
        <translation>Dossiers et mots-clés</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <source>All prompts</source>
        <translation>Tous les prompts</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>Espaces de travail</translation>
    </message>
    <message>
        <source>My library</source>
        <translation>Ma bibliothèque</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <source>New prompt</source>
        <translation>Nouveau prompt</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. customer-reply</source>
        <translation>p. ex. relance-client</translation>
    </message>
    <message>
        <source>New name for &apos;%1&apos;:</source>
        <translation>Nouveau nom pour «&#xa0;%1&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Rename prompt</source>
        <translation>Renommer le prompt</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>%1 créé</translation>
    </message>
    <message>
        <source>Delete prompts</source>
        <translation>Supprimer des prompts</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n prompt(s)? You can undo this.</source>
        <translation>
            <numerusform>Supprimer %n prompt&#xa0;? Vous pourrez annuler.</numerusform>
            <numerusform>Supprimer %n prompts&#xa0;? Vous pourrez annuler.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n prompt(s). Undo with Ctrl+Z in the library.</source>
        <translation>
            <numerusform>%n prompt supprimé. Annulez avec Ctrl+Z dans la bibliothèque.</numerusform>
            <numerusform>%n prompts supprimés. Annulez avec Ctrl+Z dans la bibliothèque.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no delete to undo.</source>
        <translation>Aucune suppression à annuler.</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>Restauré.</translation>
    </message>
    <message>
        <source>New prompt…</source>
        <translation>Nouveau prompt…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Annuler la suppression</translation>
    </message>
</context>
<context>
    <name>LineageText</name>
    <message numerus="yes">
        <source>Forked from “%1” — %n release(s) behind</source>
        <translation>
            <numerusform>Dérivé de «&#xa0;%1&#xa0;» — en retard de %n version publiée</numerusform>
            <numerusform>Dérivé de «&#xa0;%1&#xa0;» — en retard de %n versions publiées</numerusform>
        </translation>
    </message>
    <message>
        <source>Forked from “%1” — release %2, up to date</source>
        <translation>Dérivé de «&#xa0;%1&#xa0;» — version publiée %2, à jour</translation>
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
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Open a prompt from the library, or press %1 to create one.</source>
        <translation>Ouvrez un prompt depuis la bibliothèque, ou appuyez sur %1 pour en créer un.</translation>
    </message>
    <message>
        <source>Select one prompt to %1.</source>
        <translation>Sélectionnez un seul prompt à %1.</translation>
    </message>
    <message>
        <source>Open or select a prompt first.</source>
        <translation>Ouvrez ou sélectionnez d&apos;abord un prompt.</translation>
    </message>
    <message>
        <source>rename</source>
        <translation>renommer</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is read-only: you are a viewer in its workspace.</source>
        <translation>«&#xa0;%1&#xa0;» est en lecture seule&#xa0;: vous êtes lecteur dans son espace de travail.</translation>
    </message>
    <message>
        <source>Open a prompt first.</source>
        <translation>Ouvrez d&apos;abord un prompt.</translation>
    </message>
    <message numerus="yes">
        <source>Declared %n variable(s).</source>
        <translation>
            <numerusform>%n variable déclarée.</numerusform>
            <numerusform>%n variables déclarées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every variable the template uses is declared.</source>
        <translation>Toutes les variables utilisées par le gabarit sont déclarées.</translation>
    </message>
    <message>
        <source>The new language applies when Promptdesk next starts.</source>
        <translation>La nouvelle langue s&apos;appliquera au prochain démarrage de Promptdesk.</translation>
    </message>
    <message>
        <source>%1 (label)</source>
        <translation>%1 (étiquette)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Évaluations</translation>
    </message>
    <message>
        <source>Workbench</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <source>New prompt…</source>
        <translation>Nouveau prompt…</translation>
    </message>
    <message>
        <source>Duplicate prompt</source>
        <translation>Dupliquer le prompt</translation>
    </message>
    <message>
        <source>Rename prompt…</source>
        <translation>Renommer le prompt…</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <source>Delete prompt…</source>
        <translation>Supprimer le prompt…</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Annuler la suppression</translation>
    </message>
    <message>
        <source>Import prompts…</source>
        <translation>Importer des prompts…</translation>
    </message>
    <message>
        <source>Export library…</source>
        <translation>Exporter la bibliothèque…</translation>
    </message>
    <message>
        <source>Close tab</source>
        <translation>Fermer l&apos;onglet</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Couper</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Tout sélectionner</translation>
    </message>
    <message>
        <source>Find in the template…</source>
        <translation>Rechercher dans le gabarit…</translation>
    </message>
    <message>
        <source>Replace in the template…</source>
        <translation>Remplacer dans le gabarit…</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Rechercher dans la bibliothèque</translation>
    </message>
    <message>
        <source>Command palette…</source>
        <translation>Palette de commandes…</translation>
    </message>
    <message>
        <source>Show Run</source>
        <translation>Afficher «&#xa0;Exécuter&#xa0;»</translation>
    </message>
    <message>
        <source>Show Compare</source>
        <translation>Afficher «&#xa0;Comparer&#xa0;»</translation>
    </message>
    <message>
        <source>Show Versions</source>
        <translation>Afficher les versions</translation>
    </message>
    <message>
        <source>Show History</source>
        <translation>Afficher l&apos;historique</translation>
    </message>
    <message>
        <source>Show Context</source>
        <translation>Afficher le contexte</translation>
    </message>
    <message>
        <source>Show Evaluations</source>
        <translation>Afficher les évaluations</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>Switch light and dark theme</source>
        <translation>Basculer entre thème clair et sombre</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Run tests</source>
        <translation>Exécuter les tests</translation>
    </message>
    <message>
        <source>A/B test…</source>
        <translation>Test A/B…</translation>
    </message>
    <message>
        <source>Declare used variables</source>
        <translation>Déclarer les variables utilisées</translation>
    </message>
    <message>
        <source>Share to workspace…</source>
        <translation>Partager dans un espace de travail…</translation>
    </message>
    <message>
        <source>Publish to the gallery…</source>
        <translation>Publier dans la galerie…</translation>
    </message>
    <message>
        <source>Pull upstream…</source>
        <translation>Récupérer depuis l&apos;original…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Team and workspaces…</source>
        <translation>Équipe et espaces de travail…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>About Promptdesk</source>
        <translation>À propos de Promptdesk</translation>
    </message>
    <message>
        <source>Commit version…</source>
        <translation>Valider la version…</translation>
    </message>
    <message>
        <source>New branch…</source>
        <translation>Nouvelle branche…</translation>
    </message>
    <message>
        <source>Switch branch…</source>
        <translation>Changer de branche…</translation>
    </message>
    <message>
        <source>Merge branch…</source>
        <translation>Fusionner une branche…</translation>
    </message>
    <message>
        <source>Set label…</source>
        <translation>Définir une étiquette…</translation>
    </message>
    <message>
        <source>Add context folder…</source>
        <translation>Ajouter un dossier de contexte…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Ouvrir %1</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Édition</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <source>%1 — Promptdesk</source>
        <translation>%1 — Promptdesk</translation>
    </message>
    <message>
        <source>Open a prompt to run it.</source>
        <translation>Ouvrez un prompt pour l&apos;exécuter.</translation>
    </message>
    <message>
        <source>Select one prompt to share.</source>
        <translation>Sélectionnez un seul prompt à partager.</translation>
    </message>
    <message>
        <source>Sign in to a team sync server first (Settings ▸ Team).</source>
        <translation>Connectez-vous d&apos;abord à un serveur de synchronisation d&apos;équipe (Paramètres ▸ Équipe).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already in %2.</source>
        <translation>«&#xa0;%1&#xa0;» est déjà dans %2.</translation>
    </message>
    <message>
        <source>You have no workspace you can add prompts to: create one in Settings ▸ Team.</source>
        <translation>Vous n&apos;avez aucun espace de travail où ajouter des prompts&#xa0;: créez-en un dans Paramètres ▸ Équipe.</translation>
    </message>
    <message>
        <source>Shared &apos;%1&apos; to %2.</source>
        <translation>«&#xa0;%1&#xa0;» partagé dans %2.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Open a prompt to run its tests.</source>
        <translation>Ouvrez un prompt pour exécuter ses tests.</translation>
    </message>
    <message>
        <source>Open a prompt to A/B test it.</source>
        <translation>Ouvrez un prompt pour lui faire passer un test A/B.</translation>
    </message>
    <message>
        <source>An evaluation is running: stop it or wait for it first.</source>
        <translation>Une évaluation est en cours&#xa0;: arrêtez-la ou attendez d&apos;abord qu&apos;elle se termine.</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Totals</source>
        <translation>Totaux</translation>
    </message>
    <message>
        <source>%1 of %2 results finished, %3 errors, %4 from the cache</source>
        <translation>%1 résultats sur %2 terminés, %3 erreurs, %4 depuis le cache</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échouées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Click for the output and each assertion&apos;s reason.</source>
        <translation>Cliquez pour voir la sortie et la raison de chaque assertion.</translation>
    </message>
</context>
<context>
    <name>MembersDialog</name>
    <message>
        <source>Members of %1</source>
        <translation>Membres de %1</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Membre depuis</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Retirer le membre</translation>
    </message>
    <message>
        <source>Email (optional: only they may join)</source>
        <translation>E-mail (facultatif&#xa0;: seule cette personne pourra rejoindre l&apos;espace)</translation>
    </message>
    <message>
        <source>Create invitation</source>
        <translation>Créer une invitation</translation>
    </message>
    <message>
        <source>The code appears here, once</source>
        <translation>Le code s&apos;affiche ici, une seule fois</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Invite as</source>
        <translation>Inviter en tant que</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Select a member first.</source>
        <translation>Sélectionnez d&apos;abord un membre.</translation>
    </message>
    <message>
        <source>Remove %1 from the workspace?</source>
        <translation>Retirer %1 de l&apos;espace de travail&#xa0;?</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge %1 into %2</source>
        <translation>Fusionner %1 dans %2</translation>
    </message>
    <message>
        <source>after the merge</source>
        <translation>après la fusion</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <source>The built-in model</source>
        <translation>Le modèle intégré</translation>
    </message>
    <message>
        <source>SmolLM2 135M Instruct runs on this computer, offline, with no key.</source>
        <translation>SmolLM2 135M Instruct s&apos;exécute sur cet ordinateur, hors ligne, sans clé.</translation>
    </message>
    <message>
        <source>Model preparation</source>
        <translation>Préparation du modèle</translation>
    </message>
    <message>
        <source>It is small: good for trying prompts and Promptdesk out, not for real work. For real work, add a model file (Settings › Models) or connect a provider such as OpenAI, Anthropic or a local Ollama (Settings › Providers).</source>
        <translation>Il est petit&#xa0;: parfait pour essayer des prompts et découvrir Promptdesk, pas pour un vrai travail. Pour cela, ajoutez un fichier de modèle (Paramètres › Modèles) ou connectez un fournisseur comme OpenAI, Anthropic ou un Ollama local (Paramètres › Fournisseurs).</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Loading models…</source>
        <translation>Chargement des modèles…</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Locaux</translation>
    </message>
    <message>
        <source>Built-in models are small: for trying things out</source>
        <translation>Les modèles intégrés sont petits&#xa0;: pour faire des essais</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Distants</translation>
    </message>
    <message>
        <source>Add a provider&apos;s API key to list its models</source>
        <translation>Ajoutez la clé API d&apos;un fournisseur pour lister ses modèles</translation>
    </message>
    <message>
        <source>Add a model file…</source>
        <translation>Ajouter un fichier de modèle…</translation>
    </message>
    <message>
        <source>A GGUF model file or folder on this computer, in Settings › Models</source>
        <translation>Un fichier ou dossier de modèles GGUF sur cet ordinateur, dans Paramètres › Modèles</translation>
    </message>
    <message>
        <source>Connect a provider…</source>
        <translation>Connecter un fournisseur…</translation>
    </message>
    <message>
        <source>An API key for a hosted provider, in Settings › Providers</source>
        <translation>Une clé API pour un fournisseur hébergé, dans Paramètres › Fournisseurs</translation>
    </message>
    <message>
        <source>Models could not be listed</source>
        <translation>Impossible de lister les modèles</translation>
    </message>
    <message>
        <source>%1 context</source>
        <translation>contexte de %1</translation>
    </message>
    <message>
        <source>instruct</source>
        <translation>instruct</translation>
    </message>
    <message>
        <source>base: continues text</source>
        <translation>base&#xa0;: prolonge le texte</translation>
    </message>
    <message>
        <source>prepared on first run</source>
        <translation>préparé à la première exécution</translation>
    </message>
    <message>
        <source>local server</source>
        <translation>serveur local</translation>
    </message>
    <message>
        <source>Instruct: follows instructions (it has a chat template)</source>
        <translation>Instruct&#xa0;: suit des instructions (il a un gabarit de chat)</translation>
    </message>
    <message>
        <source>Base: continues the text it is given; it does not follow instructions</source>
        <translation>Base&#xa0;: prolonge le texte fourni&#xa0;; ne suit pas d&apos;instructions</translation>
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation>Paramètres&#xa0;: %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Fichier&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Context: %n tokens</source>
        <translation>
            <numerusform>Contexte&#xa0;: %n jeton</numerusform>
            <numerusform>Contexte&#xa0;: %n jetons</numerusform>
        </translation>
    </message>
    <message>
        <source>Quantization: %1</source>
        <translation>Quantification&#xa0;: %1</translation>
    </message>
    <message>
        <source>Built in: small, for trying things out. For real work, add a model file or connect a provider.</source>
        <translation>Intégré&#xa0;: petit, pour faire des essais. Pour un vrai travail, ajoutez un fichier de modèle ou connectez un fournisseur.</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Local models run on this computer, without a network. Add GGUF model files, or folders of them, to use them next to the built-in model.</source>
        <translation>Les modèles locaux s&apos;exécutent sur cet ordinateur, sans réseau. Ajoutez des fichiers de modèle GGUF, ou des dossiers qui en contiennent, pour les utiliser en plus du modèle intégré.</translation>
    </message>
    <message>
        <source>Added model files and folders</source>
        <translation>Fichiers et dossiers de modèles ajoutés</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>Ajouter un fichier…</translation>
    </message>
    <message>
        <source>Add a .gguf model file</source>
        <translation>Ajouter un fichier de modèle .gguf</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Add every .gguf file in a folder</source>
        <translation>Ajouter tous les fichiers .gguf d&apos;un dossier</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Forget this file or folder; nothing is deleted</source>
        <translation>Oublier ce fichier ou ce dossier&#xa0;; rien n&apos;est supprimé</translation>
    </message>
    <message>
        <source>Model files and folders</source>
        <translation>Fichiers et dossiers de modèles</translation>
    </message>
    <message>
        <source>Add a model file</source>
        <translation>Ajouter un fichier de modèle</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modèles GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>Add a folder of models</source>
        <translation>Ajouter un dossier de modèles</translation>
    </message>
    <message>
        <source>No model files added yet; the built-in model is used.</source>
        <translation>Aucun fichier de modèle ajouté&#xa0;; le modèle intégré est utilisé.</translation>
    </message>
    <message>
        <source>Cannot be read: %1</source>
        <translation>Illisible&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n modèle</numerusform>
            <numerusform>%n modèles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>Use %1</source>
        <translation>Utiliser %1</translation>
    </message>
</context>
<context>
    <name>OutputPane</name>
    <message>
        <source>Run error</source>
        <translation>Erreur d&apos;exécution</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Brut</translation>
    </message>
    <message>
        <source>Show the answer rendered as Markdown</source>
        <translation>Afficher la réponse rendue en Markdown</translation>
    </message>
    <message>
        <source>Show the answer exactly as the model wrote it</source>
        <translation>Afficher la réponse telle que le modèle l&apos;a écrite</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the answer</source>
        <translation>Copier la réponse</translation>
    </message>
    <message>
        <source>Copy the answer as plain text</source>
        <translation>Copier la réponse en texte brut</translation>
    </message>
</context>
<context>
    <name>PageWords</name>
    <message numerus="yes">
        <source>%n fork(s)</source>
        <translation>
            <numerusform>%n dérivé</numerusform>
            <numerusform>%n dérivés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n use(s)</source>
        <translation>
            <numerusform>%n utilisation</numerusform>
            <numerusform>%n utilisations</numerusform>
        </translation>
    </message>
    <message>
        <source>with</source>
        <translation>avec</translation>
    </message>
    <message>
        <source>one of</source>
        <translation>l’un de</translation>
    </message>
</context>
<context>
    <name>ParamsButton</name>
    <message>
        <source>Run parameters</source>
        <translation>Paramètres d&apos;exécution</translation>
    </message>
    <message>
        <source>Temperature, top-p, max tokens and seed for the next run</source>
        <translation>Température, top-p, jetons max. et graine pour la prochaine exécution</translation>
    </message>
</context>
<context>
    <name>ParamsPanel</name>
    <message>
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>Jetons max.</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Unticked: the prompt&apos;s setting, else %1 for local models (remote providers apply their own limit)</source>
        <translation>Non cochée&#xa0;: le réglage du prompt, sinon %1 pour les modèles locaux (les fournisseurs distants appliquent leur propre limite)</translation>
    </message>
    <message>
        <source>Override %1</source>
        <translation>Remplacer %1</translation>
    </message>
    <message>
        <source>Unticked: the prompt&apos;s setting, else the model&apos;s default</source>
        <translation>Non cochée&#xa0;: le réglage du prompt, sinon la valeur par défaut du modèle</translation>
    </message>
    <message>
        <source>Default parameters</source>
        <translation>Paramètres par défaut</translation>
    </message>
</context>
<context>
    <name>PeersBar</name>
    <message>
        <source>%1 is editing</source>
        <translation>%1 est en train de modifier</translation>
    </message>
</context>
<context>
    <name>PromptFields</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>A short, human title</source>
        <translation>Un titre court et lisible</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>What the prompt is for, and how to use it</source>
        <translation>À quoi sert le prompt et comment l&apos;utiliser</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. email, sales</source>
        <translation>Séparés par des virgules, p. ex. e-mail, ventes</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>e.g. Marketing/Emails</source>
        <translation>p. ex. Marketing/E-mails</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>e.g. Retail</source>
        <translation>p. ex. Commerce de détail</translation>
    </message>
    <message>
        <source>Use case</source>
        <translation>Cas d&apos;usage</translation>
    </message>
    <message>
        <source>e.g. Customer support replies</source>
        <translation>p. ex. Réponses du support client</translation>
    </message>
    <message>
        <source>Complexity</source>
        <translation>Complexité</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Non défini</translation>
    </message>
    <message>
        <source>Beginner</source>
        <translation>Débutant</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>Intermédiaire</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>&amp;Mots-clés</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>D&amp;ossier</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>&amp;Secteur</translation>
    </message>
    <message>
        <source>&amp;Use case</source>
        <translation>&amp;Cas d&apos;usage</translation>
    </message>
    <message>
        <source>&amp;Complexity</source>
        <translation>Com&amp;plexité</translation>
    </message>
</context>
<context>
    <name>PromptList</name>
    <message>
        <source>local changes not yet synced</source>
        <translation>modifications locales pas encore synchronisées</translation>
    </message>
    <message>
        <source>synced</source>
        <translation>synchronisé</translation>
    </message>
    <message>
        <source>In %1 (%2) — %3</source>
        <translation>Dans %1 (%2) — %3</translation>
    </message>
</context>
<context>
    <name>PromptPreview</name>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Token count</source>
        <translation>Nombre de jetons</translation>
    </message>
    <message>
        <source>Render error</source>
        <translation>Erreur de rendu</translation>
    </message>
    <message>
        <source>The rendered prompt appears here</source>
        <translation>Le prompt rendu s&apos;affiche ici</translation>
    </message>
    <message>
        <source>Rendered prompt</source>
        <translation>Prompt rendu</translation>
    </message>
    <message>
        <source>The rendered prompt is empty</source>
        <translation>Le prompt rendu est vide</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) (exact)</source>
        <translation>
            <numerusform>%n jeton (exact)</numerusform>
            <numerusform>%n jetons (exact)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) (estimate)</source>
        <translation>
            <numerusform>%n jeton (estimation)</numerusform>
            <numerusform>%n jetons (estimation)</numerusform>
        </translation>
    </message>
    <message>
        <source>Counted by %1</source>
        <translation>Compté par %1</translation>
    </message>
    <message>
        <source>A run&apos;s own count also includes the model&apos;s chat template.</source>
        <translation>Le décompte d&apos;une exécution inclut aussi le gabarit de chat du modèle.</translation>
    </message>
    <message>
        <source>The prompt cannot be rendered</source>
        <translation>Le prompt ne peut pas être rendu</translation>
    </message>
    <message>
        <source>Shown once the problem above is fixed</source>
        <translation>Affiché une fois le problème ci-dessus corrigé</translation>
    </message>
</context>
<context>
    <name>PromptTab</name>
    <message>
        <source>Prompt body</source>
        <translation>Corps du prompt</translation>
    </message>
    <message>
        <source>Write the prompt. Use {{ name }} for a variable&apos;s value and {% if name %}…{% endif %} for logic. Ctrl+F finds, Ctrl+H replaces.</source>
        <translation>Rédigez le prompt. Utilisez {{ name }} pour la valeur d&apos;une variable et {% if name %}…{% endif %} pour la logique. Ctrl+F recherche, Ctrl+H remplace.</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Prompt système</translation>
    </message>
    <message>
        <source>Optional instructions sent as the system message, e.g. the role to play.</source>
        <translation>Instructions facultatives envoyées comme message système, p. ex. le rôle à jouer.</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Gabarits</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
    <message>
        <source>The user message (Ctrl+F find, Ctrl+H replace)</source>
        <translation>Le message utilisateur (Ctrl+F rechercher, Ctrl+H remplacer)</translation>
    </message>
    <message>
        <source>The system message (Ctrl+F find, Ctrl+H replace)</source>
        <translation>Le message système (Ctrl+F rechercher, Ctrl+H remplacer)</translation>
    </message>
    <message>
        <source>Template problems</source>
        <translation>Problèmes du gabarit</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>Declare the used variables</source>
        <translation>Déclarer les variables utilisées</translation>
    </message>
    <message>
        <source>Declare every variable the template uses, with a type guessed from its name</source>
        <translation>Déclarer toutes les variables utilisées par le gabarit, avec un type déduit de leur nom</translation>
    </message>
    <message>
        <source>Declare variables: type, default, bounds</source>
        <translation>Déclarer des variables&#xa0;: type, valeur par défaut, bornes</translation>
    </message>
    <message>
        <source>Title, description, tags, folder and catalogue fields</source>
        <translation>Titre, description, mots-clés, dossier et champs de catalogue</translation>
    </message>
    <message>
        <source>Test cases: values to run the prompt with and what the answer must satisfy</source>
        <translation>Cas de test&#xa0;: valeurs avec lesquelles exécuter le prompt et ce que la réponse doit respecter</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valeurs</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>État de l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Branch being edited</source>
        <translation>Branche en cours de modification</translation>
    </message>
    <message>
        <source>The branch whose working copy you are editing</source>
        <translation>La branche dont vous modifiez la copie de travail</translation>
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
        <translation>Ctrl+F rechercher · Ctrl+H remplacer · Ctrl+Z annuler</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Toutes les modifications sont enregistrées</translation>
    </message>
    <message>
        <source>⎇ %1</source>
        <translation>⎇ %1</translation>
    </message>
    <message>
        <source>Could not open &apos;%1&apos;: %2</source>
        <translation>Impossible d&apos;ouvrir «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>You are now a viewer of this prompt: what you typed is kept in your library as &apos;%1&apos;.</source>
        <translation>Vous êtes désormais lecteur de ce prompt&#xa0;: ce que vous avez tapé est conservé dans votre bibliothèque sous le nom «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Modification…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is now on branch %2.</source>
        <translation>« %1 » est maintenant sur la branche %2.</translation>
    </message>
    <message>
        <source>What you typed on the previous branch could not be saved: %1</source>
        <translation>Ce que vous avez tapé sur la branche précédente n’a pas pu être enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not saved: %1. Your text is kept here; the next edit tries again.</source>
        <translation>Non enregistré&#xa0;: %1. Votre texte est conservé ici&#xa0;; la prochaine modification réessaiera.</translation>
    </message>
    <message>
        <source>This prompt was deleted elsewhere. Its text stays here, read-only, until you close the tab: copy what you need.</source>
        <translation>Ce prompt a été supprimé ailleurs. Son texte reste ici, en lecture seule, jusqu’à la fermeture de l’onglet&#xa0;: copiez ce dont vous avez besoin.</translation>
    </message>
    <message numerus="yes">
        <source>Declare %n variable(s)</source>
        <translation>
            <numerusform>Déclarer %n variable</numerusform>
            <numerusform>Déclarer %n variables</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProtectionPage</name>
    <message>
        <source>Protect your library</source>
        <translation>Protégez votre bibliothèque</translation>
    </message>
    <message>
        <source>Everything is encrypted; choose where its key is kept.</source>
        <translation>Tout est chiffré&#xa0;; choisissez où conserver la clé.</translation>
    </message>
    <message>
        <source>In the system keychain (recommended)</source>
        <translation>Dans le trousseau du système (recommandé)</translation>
    </message>
    <message>
        <source>With a passphrase I type when I start</source>
        <translation>Avec une phrase secrète que je saisis au démarrage</translation>
    </message>
    <message>
        <source>No keychain is available on this system.</source>
        <translation>Aucun trousseau n&apos;est disponible sur ce système.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Confirmer la phrase secrète</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <source>No system keychain answers on this computer, so a passphrase protects the library.</source>
        <translation>Aucun trousseau système ne répond sur cet ordinateur&#xa0;; une phrase secrète protège donc la bibliothèque.</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>Au moins %1 caractères.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes ne correspondent pas.</translation>
    </message>
</context>
<context>
    <name>ProvidersPage</name>
    <message>
        <source>Providers</source>
        <translation>Fournisseurs</translation>
    </message>
    <message>
        <source>API keys for remote models. Keys are kept in your system keychain, or encrypted in your store where there is none, and are never shown again.</source>
        <translation>Clés API pour les modèles distants. Les clés sont conservées dans le trousseau du système, ou chiffrées dans votre stockage s&apos;il n&apos;y en a pas, et ne sont plus jamais affichées.</translation>
    </message>
    <message>
        <source>Runs on your computer; no key needed</source>
        <translation>S&apos;exécute sur votre ordinateur&#xa0;; aucune clé requise</translation>
    </message>
    <message>
        <source>API key for %1</source>
        <translation>Clé API pour %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save the key for %1</source>
        <translation>Enregistrer la clé pour %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove the key for %1</source>
        <translation>Retirer la clé pour %1</translation>
    </message>
    <message>
        <source>Paste a key first; nothing was stored.</source>
        <translation>Collez d&apos;abord une clé&#xa0;; rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>Remove API key</source>
        <translation>Retirer la clé API</translation>
    </message>
    <message>
        <source>Remove the %1 API key from this computer?</source>
        <translation>Retirer la clé API %1 de cet ordinateur&#xa0;?</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>Aucune clé</translation>
    </message>
    <message>
        <source>No key (optional)</source>
        <translation>Aucune clé (facultatif)</translation>
    </message>
    <message>
        <source>Key stored in the system keychain</source>
        <translation>Clé enregistrée dans le trousseau du système</translation>
    </message>
    <message>
        <source>Key stored in the encrypted store</source>
        <translation>Clé enregistrée dans le stockage chiffré</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Enregistrée le %1</translation>
    </message>
    <message>
        <source>Paste a new key to replace it</source>
        <translation>Collez une nouvelle clé pour la remplacer</translation>
    </message>
    <message>
        <source>Paste an API key</source>
        <translation>Collez une clé API</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
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
        <translation>Débutant</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>Intermédiaire</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <source>Publish “%1” to the gallery</source>
        <translation>Publier «&#xa0;%1&#xa0;» dans la galerie</translation>
    </message>
    <message>
        <source>A new entry (reviewed before it is public)</source>
        <translation>Une nouvelle entrée (examinée avant d&apos;être publique)</translation>
    </message>
    <message>
        <source>A new release of “%1”</source>
        <translation>Une nouvelle version publiée de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Include the test run&apos;s answers as example outputs</source>
        <translation>Inclure les réponses de l&apos;exécution des tests comme exemples de sortie</translation>
    </message>
    <message>
        <source>Publish as</source>
        <translation>Publier comme</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Use case</source>
        <translation>Cas d&apos;usage</translation>
    </message>
    <message>
        <source>Complexity</source>
        <translation>Complexité</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Tested on</source>
        <translation>Testé sur</translation>
    </message>
    <message>
        <source>Run tests and publish</source>
        <translation>Exécuter les tests et publier</translation>
    </message>
    <message>
        <source>Test cases that go with it</source>
        <translation>Cas de test inclus</translation>
    </message>
    <message>
        <source>Tick at least one test case: the gallery shows how a template is tested.</source>
        <translation>Cochez au moins un cas de test&#xa0;: la galerie montre comment un gabarit est testé.</translation>
    </message>
    <message>
        <source>Running the test cases, then publishing…</source>
        <translation>Exécution des cas de test, puis publication…</translation>
    </message>
</context>
<context>
    <name>PullDialog</name>
    <message>
        <source>Pull release %1 of “%2” into %3</source>
        <translation>Récupérer la version publiée %1 de «&#xa0;%2&#xa0;» dans %3</translation>
    </message>
    <message>
        <source>release %1</source>
        <translation>version publiée %1</translation>
    </message>
    <message>
        <source>Upstream&apos;s changes since your fork&apos;s base. Merging keeps your own edits; where both changed the same words, both are kept for you to choose.</source>
        <translation>Modifications de l&apos;original depuis la base de votre dérivé. La fusion conserve vos propres modifications&#xa0;; là où les deux côtés ont changé les mêmes mots, les deux versions sont conservées pour que vous choisissiez.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
</context>
<context>
    <name>RecoveryForm</name>
    <message>
        <source>Recovery key</source>
        <translation>Clé de récupération</translation>
    </message>
    <message>
        <source>Keep the key in the system keychain</source>
        <translation>Conserver la clé dans le trousseau du système</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nouvelle phrase secrète</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Confirmer la nouvelle phrase secrète</translation>
    </message>
    <message>
        <source>Enter the recovery key you saved when the library was created, and choose a new passphrase.</source>
        <translation>Saisissez la clé de récupération conservée lors de la création de la bibliothèque, puis choisissez une nouvelle phrase secrète.</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <source>Enter the recovery key.</source>
        <translation>Saisissez la clé de récupération.</translation>
    </message>
    <message>
        <source>The new passphrase needs at least %1 characters.</source>
        <translation>La nouvelle phrase secrète doit comporter au moins %1 caractères.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes ne correspondent pas.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Your recovery key</source>
        <translation>Votre clé de récupération</translation>
    </message>
    <message>
        <source>If the passphrase is forgotten or the keychain is lost, this key is the only way back into your library. It is shown once: save it somewhere safe.</source>
        <translation>Si la phrase secrète est oubliée ou le trousseau perdu, cette clé est le seul moyen de retrouver l&apos;accès à votre bibliothèque. Elle n&apos;est affichée qu&apos;une fois&#xa0;: conservez-la en lieu sûr.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clé de récupération</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>I have saved my recovery key somewhere safe</source>
        <translation>J&apos;ai conservé ma clé de récupération en lieu sûr</translation>
    </message>
    <message>
        <source>Creating your encrypted library…</source>
        <translation>Création de votre bibliothèque chiffrée…</translation>
    </message>
</context>
<context>
    <name>RunComparisonView</name>
    <message>
        <source>Version of the run before</source>
        <translation>Version de l&apos;exécution précédente</translation>
    </message>
    <message>
        <source>Version of the run after</source>
        <translation>Version de l&apos;exécution ultérieure</translation>
    </message>
    <message>
        <source>Cases compared</source>
        <translation>Cas comparés</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>What moved</source>
        <translation>Ce qui a changé</translation>
    </message>
    <message>
        <source>Pick a run, then Compare with… another run of the same prompt to see what changed.</source>
        <translation>Choisissez une exécution, puis «&#xa0;Comparer avec…&#xa0;» une autre exécution du même prompt pour voir ce qui a changé.</translation>
    </message>
    <message>
        <source>Run of %1 (before) → run of %2 (after)</source>
        <translation>Exécution de %1 (avant) → exécution de %2 (après)</translation>
    </message>
    <message>
        <source>Regressions: %1</source>
        <translation>Régressions&#xa0;: %1</translation>
    </message>
    <message>
        <source>Fixes: %1</source>
        <translation>Corrigés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Score changes: %1</source>
        <translation>Changements de score&#xa0;: %1</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Nouveaux&#xa0;: %1</translation>
    </message>
    <message>
        <source>Removed: %1</source>
        <translation>Retirés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Unchanged: %1</source>
        <translation>Inchangés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Pass rate %1 → %2</source>
        <translation>Taux de réussite %1 → %2</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>régression</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>corrigé</translation>
    </message>
    <message>
        <source>score changed</source>
        <translation>score modifié</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>retiré</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>now failing: %1</source>
        <translation>échouent désormais&#xa0;: %1</translation>
    </message>
    <message>
        <source>now passing: %1</source>
        <translation>réussissent désormais&#xa0;: %1</translation>
    </message>
    <message>
        <source>score %1 → %2</source>
        <translation>score %1 → %2</translation>
    </message>
</context>
<context>
    <name>RunDetail</name>
    <message>
        <source>Re-run</source>
        <translation>Réexécuter</translation>
    </message>
    <message>
        <source>Re-run this prompt</source>
        <translation>Réexécuter ce prompt</translation>
    </message>
    <message>
        <source>Run the same prompt, model and variables again</source>
        <translation>Exécuter à nouveau le même prompt avec le même modèle et les mêmes variables</translation>
    </message>
    <message>
        <source>Run details</source>
        <translation>Détails de l&apos;exécution</translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation>Aucune exécution sélectionnée</translation>
    </message>
    <message>
        <source>Select a run to see its messages, context and output.</source>
        <translation>Sélectionnez une exécution pour voir ses messages, son contexte et sa sortie.</translation>
    </message>
    <message>
        <source>Unsaved prompt</source>
        <translation>Prompt non enregistré</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Context used</source>
        <translation>Contexte utilisé</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <source>%1 in / %2 out</source>
        <translation>%1 en entrée / %2 en sortie</translation>
    </message>
    <message>
        <source>First token</source>
        <translation>Premier jeton</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 jetons/s</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Finish reason</source>
        <translation>Motif de fin</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>Run id</source>
        <translation>ID d&apos;exécution</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Réussie</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>File hash</source>
        <translation>Empreinte du fichier</translation>
    </message>
    <message>
        <source>(cut to fit)</source>
        <translation>(tronqué)</translation>
    </message>
</context>
<context>
    <name>RunMetrics</name>
    <message>
        <source>Run status</source>
        <translation>Statut de l&apos;exécution</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>Délai avant le premier jeton</translation>
    </message>
    <message>
        <source>Tokens per second</source>
        <translation>Jetons par seconde</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Jetons en entrée</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Jetons en sortie</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>First token: %1</source>
        <translation>Premier jeton&#xa0;: %1</translation>
    </message>
    <message>
        <source>Speed: %1</source>
        <translation>Vitesse&#xa0;: %1</translation>
    </message>
    <message>
        <source>Tokens in: %1</source>
        <translation>Jetons en entrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Tokens out: %1</source>
        <translation>Jetons en sortie&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation>Coût&#xa0;: %1</translation>
    </message>
    <message>
        <source>Waiting for the model…</source>
        <translation>En attente du modèle…</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Exécution…</translation>
    </message>
    <message>
        <source>Speed: ≈%1 tokens/s</source>
        <translation>Vitesse&#xa0;: ≈%1 jetons/s</translation>
    </message>
    <message numerus="yes">
        <source>Tokens out: ≈%n</source>
        <translation>
            <numerusform>Jetons en sortie&#xa0;: ≈%n</numerusform>
            <numerusform>Jetons en sortie&#xa0;: ≈%n</numerusform>
        </translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêtée</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>%1 in %2 s</source>
        <translation>%1 en %2 s</translation>
    </message>
    <message>
        <source>Speed: %1 tokens/s</source>
        <translation>Vitesse&#xa0;: %1 jetons/s</translation>
    </message>
    <message numerus="yes">
        <source>Tokens in: %n</source>
        <translation>
            <numerusform>Jetons en entrée&#xa0;: %n</numerusform>
            <numerusform>Jetons en entrée&#xa0;: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tokens out: %n</source>
        <translation>
            <numerusform>Jetons en sortie&#xa0;: %n</numerusform>
            <numerusform>Jetons en sortie&#xa0;: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Cost: $%1</source>
        <translation>Coût&#xa0;: $%1</translation>
    </message>
    <message>
        <source>First token: %1 ms</source>
        <translation>Premier jeton&#xa0;: %1 ms</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>Run the prompt</source>
        <translation>Exécuter le prompt</translation>
    </message>
    <message>
        <source>Run the prompt (%1)</source>
        <translation>Exécuter le prompt (%1)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop the run</source>
        <translation>Arrêter l&apos;exécution</translation>
    </message>
    <message>
        <source>Stop the run (%1)</source>
        <translation>Arrêter l&apos;exécution (%1)</translation>
    </message>
</context>
<context>
    <name>RunTableModel</name>
    <message>
        <source>Succeeded</source>
        <translation>Réussie</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Jetons en entrée</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Jetons en sortie</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>Jetons/s</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>(unsaved)</source>
        <translation>(non enregistré)</translation>
    </message>
</context>
<context>
    <name>RunView</name>
    <message>
        <source>the runner gave no reason</source>
        <translation>l&apos;exécuteur n&apos;a donné aucune raison</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>L&apos;exécution a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>The prompt could not be run: %1</source>
        <translation>Impossible d&apos;exécuter le prompt&#xa0;: %1</translation>
    </message>
    <message>
        <source>Fix the prompt or give the missing values, then run again.</source>
        <translation>Corrigez le prompt ou indiquez les valeurs manquantes, puis relancez l&apos;exécution.</translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêtée</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Versions × models</source>
        <translation>Versions × modèles</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Réussis</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Repeats of each case: %1</source>
        <translation>Répétitions de chaque cas&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>SettingEditors</name>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Lock when idle for</source>
        <translation>Verrouiller après une inactivité de</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>Threads CPU</translation>
    </message>
    <message>
        <source>Embedding model</source>
        <translation>Modèle d&apos;embeddings</translation>
    </message>
    <message>
        <source>Chunk size</source>
        <translation>Taille des fragments</translation>
    </message>
    <message>
        <source>Chunk overlap</source>
        <translation>Chevauchement des fragments</translation>
    </message>
    <message>
        <source>Largest file</source>
        <translation>Taille maximale de fichier</translation>
    </message>
    <message>
        <source>Wait after changes</source>
        <translation>Délai après modification</translation>
    </message>
    <message>
        <source>Polling interval</source>
        <translation>Intervalle d&apos;interrogation</translation>
    </message>
    <message>
        <source>Approximate search from</source>
        <translation>Recherche approximative à partir de</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Automatic (one per core)</source>
        <translation>Automatique (un par cœur)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> jetons</translation>
    </message>
    <message>
        <source> chunks</source>
        <translation> fragments</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> Mo</translation>
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
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Fournisseurs</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Pages des paramètres</translation>
    </message>
    <message>
        <source>Data location</source>
        <translation>Emplacement des données</translation>
    </message>
    <message>
        <source>Where your encrypted store is kept</source>
        <translation>Où se trouve votre stockage chiffré</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>Ouvrir le dossier des données</translation>
    </message>
    <message>
        <source>Data location:</source>
        <translation>Emplacement des données&#xa0;:</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Verrouiller maintenant</translation>
    </message>
    <message>
        <source>Lock the store now</source>
        <translation>Verrouiller le stockage maintenant</translation>
    </message>
    <message>
        <source>Locking closes your store; it takes your passphrase or keychain to open it again. Unsaved changes in this window are discarded.</source>
        <translation>Le verrouillage ferme votre stockage&#xa0;; il faudra votre phrase secrète ou le trousseau pour le rouvrir. Les modifications non enregistrées dans cette fenêtre seront perdues.</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share to workspace</source>
        <translation>Partager dans un espace de travail</translation>
    </message>
    <message>
        <source>Move &apos;%1&apos; into a team workspace. Its history goes with it; everyone in the workspace can open it, and editors can change it.</source>
        <translation>Déplacez «&#xa0;%1&#xa0;» dans un espace de travail d&apos;équipe. Son historique le suit&#xa0;; tous les membres de l&apos;espace de travail peuvent l&apos;ouvrir, et les éditeurs peuvent le modifier.</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Partager</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Find in the template</source>
        <translation>Rechercher dans le gabarit</translation>
    </message>
    <message>
        <source>Replace in the template</source>
        <translation>Remplacer dans le gabarit</translation>
    </message>
    <message>
        <source>Undo your typing</source>
        <translation>Annuler la saisie</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Stop a run</source>
        <translation>Arrêter une exécution</translation>
    </message>
    <message>
        <source>Undo a delete (in the library)</source>
        <translation>Annuler une suppression (dans la bibliothèque)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>Filtrer…</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Editor and panels</source>
        <translation>Éditeur et panneaux</translation>
    </message>
</context>
<context>
    <name>SourcesPanel</name>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation>Fragments</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Context sources</source>
        <translation>Sources de contexte</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Reindex</source>
        <translation>Réindexer</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Loading the context index…</source>
        <translation>Chargement de l&apos;index de contexte…</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>Progression de l&apos;indexation</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n source</numerusform>
            <numerusform>%n sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s) to search</source>
        <translation>
            <numerusform>%n passage où chercher</numerusform>
            <numerusform>%n passages où chercher</numerusform>
        </translation>
    </message>
    <message>
        <source>Vector search: %1</source>
        <translation>Recherche vectorielle&#xa0;: %1</translation>
    </message>
    <message>
        <source>The context index is still loading; try again shortly.</source>
        <translation>L&apos;index de contexte est encore en cours de chargement&#xa0;; réessayez dans un instant.</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>Promptdesk needs SQLCipher 4, but this installation provides {version}.</source>
        <translation>Promptdesk a besoin de SQLCipher 4, mais cette installation fournit {version}.</translation>
    </message>
    <message>
        <source>Reinstall Promptdesk.</source>
        <translation>Réinstallez Promptdesk.</translation>
    </message>
    <message>
        <source>{database} is not a Promptdesk store: {what}.</source>
        <translation>{database} n’est pas un magasin Promptdesk : {what}.</translation>
    </message>
    <message>
        <source>Move that file out of the way, or set PROMPTDESK_HOME to the folder that holds your store. The file was not changed.</source>
        <translation>Déplacez ce fichier, ou faites pointer PROMPTDESK_HOME vers le dossier qui contient votre magasin. Le fichier n’a pas été modifié.</translation>
    </message>
    <message>
        <source>That is not a valid recovery key ({reason}).</source>
        <translation>Ce n’est pas une clé de récupération valide ({reason}).</translation>
    </message>
    <message>
        <source>A recovery key is 56 letters and digits in groups of eight, as shown when the library was created. Check it for typos.</source>
        <translation>Une clé de récupération compte 56 lettres et chiffres en groupes de huit, telle qu’affichée à la création de la bibliothèque. Vérifiez qu’elle ne contient pas de faute de frappe.</translation>
    </message>
    <message>
        <source>The key file {key_file} cannot be read ({reason}).</source>
        <translation>Le fichier de clé {key_file} ne peut pas être lu ({reason}).</translation>
    </message>
    <message>
        <source>Choose &quot;Use recovery key…&quot; and enter the recovery key you saved. The database was not changed.</source>
        <translation>Choisissez « Utiliser la clé de récupération… » et saisissez la clé de récupération que vous avez conservée. La base de données n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>The store {database} exists but its key file {key_file} is missing.</source>
        <translation>Le magasin {database} existe, mais son fichier de clé {key_file} est manquant.</translation>
    </message>
    <message>
        <source>This store is protected by {mode}; {action} does not apply to it.</source>
        <translation>Ce magasin est protégé par {mode} ; {action} ne s’applique pas à lui.</translation>
    </message>
    <message>
        <source>Settings → Security shows how the library is protected.</source>
        <translation>Paramètres → Sécurité indique comment la bibliothèque est protégée.</translation>
    </message>
    <message>
        <source>The key for this store is not in the OS keychain (service {service!r}, account {account!r}).</source>
        <translation>La clé de ce magasin n’est pas dans le trousseau du système (service {service!r}, compte {account!r}).</translation>
    </message>
    <message>
        <source>The OS keychain did not answer within {seconds:g} seconds.</source>
        <translation>Le trousseau du système n’a pas répondu en {seconds:g} secondes.</translation>
    </message>
    <message>
        <source>It may be locked and waiting for a password in another window. Unlock it and try again.</source>
        <translation>Il est peut-être verrouillé et attend un mot de passe dans une autre fenêtre. Déverrouillez-le et réessayez.</translation>
    </message>
    <message>
        <source>The OS keychain is not available ({reason}).</source>
        <translation>Le trousseau du système n’est pas disponible ({reason}).</translation>
    </message>
    <message>
        <source>Unlock or start your keychain and try again, or choose &quot;Use recovery key…&quot; to open the library with your recovery key.</source>
        <translation>Déverrouillez ou démarrez votre trousseau et réessayez, ou choisissez « Utiliser la clé de récupération… » pour ouvrir la bibliothèque avec votre clé de récupération.</translation>
    </message>
    <message>
        <source>Migration {migration} differs from the one that was applied to this store.</source>
        <translation>La migration {migration} diffère de celle qui a été appliquée à ce magasin.</translation>
    </message>
    <message>
        <source>Released migrations must never be edited; add a new migration instead. The store was not changed.</source>
        <translation>Une migration publiée ne doit jamais être modifiée ; ajoutez-en une nouvelle. Le magasin n’a pas été modifié.</translation>
    </message>
    <message>
        <source>No new passphrase was given.</source>
        <translation>Aucune nouvelle phrase secrète n’a été donnée.</translation>
    </message>
    <message>
        <source>Type it twice.</source>
        <translation>Saisissez-la deux fois.</translation>
    </message>
    <message>
        <source>The store {database} was written with SQLCipher 3, an older encryption format that this version of Promptdesk does not open directly.</source>
        <translation>Le magasin {database} a été écrit avec SQLCipher 3, un ancien format de chiffrement que cette version de Promptdesk n’ouvre pas directement.</translation>
    </message>
    <message>
        <source>Convert it in a terminal with `promptdesk store upgrade` (a copy of the old file is kept). The file was not changed.</source>
        <translation>Convertissez-le dans un terminal avec `promptdesk store upgrade` (une copie de l’ancien fichier est conservée). Le fichier n’a pas été modifié.</translation>
    </message>
    <message>
        <source>This store is locked with a passphrase, and none was given.</source>
        <translation>Ce magasin est verrouillé par une phrase secrète, et aucune n’a été donnée.</translation>
    </message>
    <message>
        <source>Type it to unlock.</source>
        <translation>Saisissez-la pour déverrouiller.</translation>
    </message>
    <message>
        <source>That recovery key belongs to a different store.</source>
        <translation>Cette clé de récupération appartient à un autre magasin.</translation>
    </message>
    <message>
        <source>Use the recovery key that was exported from this store. Nothing was changed.</source>
        <translation>Utilisez la clé de récupération exportée de ce magasin. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>This store was written by a newer Promptdesk: it has migration {migration}, which this version does not know.</source>
        <translation>Ce magasin a été écrit par un Promptdesk plus récent : il contient la migration {migration}, que cette version ne connaît pas.</translation>
    </message>
    <message>
        <source>Update Promptdesk. The store was not changed.</source>
        <translation>Mettez Promptdesk à jour. Le magasin n’a pas été modifié.</translation>
    </message>
    <message>
        <source>A Promptdesk store already exists in {data_dir}.</source>
        <translation>Un magasin Promptdesk existe déjà dans {data_dir}.</translation>
    </message>
    <message>
        <source>Nothing was changed: open it, or choose another data folder.</source>
        <translation>Rien n’a été modifié : ouvrez-le, ou choisissez un autre dossier de données.</translation>
    </message>
    <message>
        <source>The store {database} is busy: another program holds it ({detail}).</source>
        <translation>Le magasin {database} est occupé : un autre programme le tient ({detail}).</translation>
    </message>
    <message>
        <source>Close other Promptdesk windows or commands using this store and try again. Nothing was changed.</source>
        <translation>Fermez les autres fenêtres ou commandes Promptdesk qui utilisent ce magasin et réessayez. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The library is locked.</source>
        <translation>La bibliothèque est verrouillée.</translation>
    </message>
    <message>
        <source>Unlock it to go on; nothing was changed.</source>
        <translation>Déverrouillez-la pour continuer ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The store file {database} is damaged or was changed outside Promptdesk ({detail}).</source>
        <translation>Le fichier du magasin {database} est endommagé ou a été modifié hors de Promptdesk ({detail}).</translation>
    </message>
    <message>
        <source>Restore it from a backup. Promptdesk has not changed it.</source>
        <translation>Restaurez-le depuis une sauvegarde. Promptdesk ne l’a pas modifié.</translation>
    </message>
    <message>
        <source>The Promptdesk store could not be used.</source>
        <translation>Le magasin Promptdesk n’a pas pu être utilisé.</translation>
    </message>
    <message>
        <source>There is no Promptdesk store in {data_dir}.</source>
        <translation>Il n’y a pas de magasin Promptdesk dans {data_dir}.</translation>
    </message>
    <message>
        <source>Start Promptdesk without PROMPTDESK_HOME set to create a new library.</source>
        <translation>Démarrez Promptdesk sans PROMPTDESK_HOME pour créer une nouvelle bibliothèque.</translation>
    </message>
    <message>
        <source>The store file {database} is damaged: it is shorter than it should be.</source>
        <translation>Le fichier du magasin {database} est endommagé : il est plus court qu’il ne devrait.</translation>
    </message>
    <message>
        <source>The file was cut off (a full disk, an interrupted copy or sync tool). Restore it from a backup. Promptdesk has not changed it.</source>
        <translation>Le fichier a été tronqué (disque plein, copie interrompue ou outil de synchronisation). Restaurez-le depuis une sauvegarde. Promptdesk ne l’a pas modifié.</translation>
    </message>
    <message>
        <source>The store {database} cannot be written ({detail}).</source>
        <translation>Le magasin {database} ne peut pas être écrit ({detail}).</translation>
    </message>
    <message>
        <source>Check free disk space and that the folder is writable by you. Nothing was changed.</source>
        <translation>Vérifiez l’espace disque libre et que vous pouvez écrire dans le dossier. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>An interrupted setup left an empty database file {database} and no key.</source>
        <translation>Une installation interrompue a laissé un fichier de base de données vide {database} et aucune clé.</translation>
    </message>
    <message>
        <source>It holds no data. Start Promptdesk again to set up a new library.</source>
        <translation>Il ne contient aucune donnée. Relancez Promptdesk pour créer une nouvelle bibliothèque.</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least {minimum} characters.</source>
        <translation>La phrase secrète est trop courte : utilisez au moins {minimum} caractères.</translation>
    </message>
    <message>
        <source>A few unrelated words make a passphrase that is long and easy to remember.</source>
        <translation>Quelques mots sans rapport font une phrase secrète longue et facile à retenir.</translation>
    </message>
    <message>
        <source>The key does not open the store {database}.</source>
        <translation>La clé n’ouvre pas le magasin {database}.</translation>
    </message>
    <message>
        <source>That passphrase does not unlock this store.</source>
        <translation>Cette phrase secrète ne déverrouille pas ce magasin.</translation>
    </message>
    <message>
        <source>Check Caps Lock and the keyboard layout and try again. If it is forgotten, choose &quot;Use recovery key…&quot;. Nothing was changed.</source>
        <translation>Vérifiez la touche Verr. Maj et la disposition du clavier, puis réessayez. Si vous l’avez oubliée, choisissez « Utiliser la clé de récupération… ». Rien n’a été modifié.</translation>
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message>
        <source>Team sync status</source>
        <translation>État de la synchronisation d&apos;équipe</translation>
    </message>
    <message>
        <source>Signed in — no workspaces</source>
        <translation>Connecté — aucun espace de travail</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) or branch(es) to settle (click)</source>
        <translation>
            <numerusform>%n étiquette ou branche à régler (cliquez)</numerusform>
            <numerusform>%n étiquettes ou branches à régler (cliquez)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusText</name>
    <message numerus="yes">
        <source>Read-only: %n local change(s) cannot be sent</source>
        <translation>
            <numerusform>Lecture seule&#xa0;: %n modification locale ne peut pas être envoyée</numerusform>
            <numerusform>Lecture seule&#xa0;: %n modifications locales ne peuvent pas être envoyées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n local change(s) waiting</source>
        <translation>
            <numerusform>Hors ligne — %n modification locale en attente</numerusform>
            <numerusform>Hors ligne — %n modifications locales en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Paused: a sync would delete %1 of %2 prompts</source>
        <translation>En pause&#xa0;: une synchronisation supprimerait %1 prompts sur %2</translation>
    </message>
    <message>
        <source>Paused: a prompt was restored on the server (click to choose)</source>
        <translation>En pause&#xa0;: un prompt a été restauré sur le serveur (cliquez pour choisir)</translation>
    </message>
    <message>
        <source>Sync error: %1</source>
        <translation>Erreur de synchronisation&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Syncing %n change(s)</source>
        <translation>
            <numerusform>Synchronisation de %n modification</numerusform>
            <numerusform>Synchronisation de %n modifications</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisé</translation>
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
        <translation>Lecture seule&#xa0;: vous êtes lecteur dans %1.</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Sync a team&apos;s prompts through a Promptdesk sync server: edit offline, merge without conflict copies, see who else is editing.</source>
        <translation>Synchronisez les prompts d&apos;une équipe via un serveur de synchronisation Promptdesk&#xa0;: modifiez hors ligne, fusionnez sans copies de conflit, voyez qui d&apos;autre est en train de modifier.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Also remove the workspaces&apos; prompts from here</source>
        <translation>Retirer aussi d&apos;ici les prompts des espaces de travail</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Votre rôle</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>New workspace…</source>
        <translation>Nouvel espace de travail…</translation>
    </message>
    <message>
        <source>Members…</source>
        <translation>Membres…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Invitation code</source>
        <translation>Code d&apos;invitation</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Rejoindre</translation>
    </message>
    <message>
        <source>Invitation:</source>
        <translation>Invitation&#xa0;:</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Dernière utilisation</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Revoke device</source>
        <translation>Révoquer l&apos;appareil</translation>
    </message>
    <message>
        <source>Devices signed in to this account:</source>
        <translation>Appareils connectés à ce compte&#xa0;:</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2</source>
        <translation>Connecté à %1 en tant que %2</translation>
    </message>
    <message>
        <source>Not synced on this device</source>
        <translation>Non synchronisé sur cet appareil</translation>
    </message>
    <message>
        <source>Sync this workspace on this device</source>
        <translation>Synchroniser cet espace de travail sur cet appareil</translation>
    </message>
    <message>
        <source>Fill in the server, your email and your password.</source>
        <translation>Renseignez le serveur, votre e-mail et votre mot de passe.</translation>
    </message>
    <message>
        <source>Remove every prompt of your workspaces from this device?</source>
        <translation>Retirer de cet appareil tous les prompts de vos espaces de travail&#xa0;?</translation>
    </message>
    <message>
        <source>Signed out here, but the server could not revoke this device (%1).</source>
        <translation>Déconnecté ici, mais le serveur n&apos;a pas pu révoquer cet appareil (%1).</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>Nouvel espace de travail</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Paste the invitation code first.</source>
        <translation>Collez d&apos;abord le code d&apos;invitation.</translation>
    </message>
    <message>
        <source>Select a workspace first.</source>
        <translation>Sélectionnez d&apos;abord un espace de travail.</translation>
    </message>
    <message>
        <source>%1 (this device)</source>
        <translation>%1 (cet appareil)</translation>
    </message>
    <message>
        <source>Select a device first.</source>
        <translation>Sélectionnez d&apos;abord un appareil.</translation>
    </message>
    <message>
        <source>To sign this device out, use Sign out.</source>
        <translation>Pour déconnecter cet appareil, utilisez «&#xa0;Se déconnecter&#xa0;».</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>&apos;%1&apos; is not declared; add it in Variables</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas déclarée&#xa0;; ajoutez-la dans Variables</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is declared but never used</source>
        <translation>«&#xa0;%1&#xa0;» est déclarée mais jamais utilisée</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Rechercher…</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Remplacer…</translation>
    </message>
</context>
<context>
    <name>TestsEditor</name>
    <message>
        <source>Test cases</source>
        <translation>Cas de test</translation>
    </message>
    <message>
        <source>Add case</source>
        <translation>Ajouter un cas</translation>
    </message>
    <message>
        <source>Add a test case</source>
        <translation>Ajouter un cas de test</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Add a copy of the selected case</source>
        <translation>Ajouter une copie du cas sélectionné</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected case</source>
        <translation>Supprimer le cas sélectionné</translation>
    </message>
    <message>
        <source>Run case</source>
        <translation>Exécuter le cas</translation>
    </message>
    <message>
        <source>Run the prompt on the selected case and grade it</source>
        <translation>Exécuter le prompt sur le cas sélectionné et l&apos;évaluer</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>Tout exécuter</translation>
    </message>
    <message>
        <source>Run the prompt on every case and grade them</source>
        <translation>Exécuter le prompt sur chaque cas et les évaluer</translation>
    </message>
    <message>
        <source>No test cases yet. A case gives the prompt&apos;s variables values and says what the answer must satisfy; Run all grades every case. Add one to begin.</source>
        <translation>Aucun cas de test pour l&apos;instant. Un cas donne des valeurs aux variables du prompt et indique ce que la réponse doit respecter&#xa0;; «&#xa0;Tout exécuter&#xa0;» évalue chaque cas. Ajoutez-en un pour commencer.</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Cas %1</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <source>Assertion type</source>
        <translation>Type d&apos;assertion</translation>
    </message>
    <message>
        <source>not</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Negate the assertion</source>
        <translation>Inverser l&apos;assertion</translation>
    </message>
    <message>
        <source>Pass when the check fails (promptfoo&apos;s not- prefix)</source>
        <translation>Réussi quand la vérification échoue (le préfixe not- de promptfoo)</translation>
    </message>
    <message>
        <source>Assertion weight</source>
        <translation>Poids de l&apos;assertion</translation>
    </message>
    <message>
        <source>How much this assertion counts in the case&apos;s score</source>
        <translation>Ce que compte cette assertion dans le score du cas</translation>
    </message>
    <message>
        <source>weight </source>
        <translation>poids </translation>
    </message>
    <message>
        <source>Assertion threshold</source>
        <translation>Seuil de l&apos;assertion</translation>
    </message>
    <message>
        <source>The score, distance, milliseconds or dollars at which it passes; blank: the type&apos;s default</source>
        <translation>Le score, la distance, les millisecondes ou les dollars à partir desquels elle réussit&#xa0;; vide&#xa0;: la valeur par défaut du type</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>seuil</translation>
    </message>
    <message>
        <source>Remove assertion</source>
        <translation>Retirer l&apos;assertion</translation>
    </message>
    <message>
        <source>Remove this assertion</source>
        <translation>Retirer cette assertion</translation>
    </message>
    <message>
        <source>Assertion value</source>
        <translation>Valeur de l&apos;assertion</translation>
    </message>
    <message>
        <source>Not a built-in type (a plugin&apos;s)</source>
        <translation>Pas un type intégré (celui d&apos;un plugin)</translation>
    </message>
    <message>
        <source>Passes when this does not hold: %1</source>
        <translation>Réussit quand ceci n&apos;est pas vrai&#xa0;: %1</translation>
    </message>
    <message>
        <source>No assertions: add what the output must contain, match or satisfy.</source>
        <translation>Aucune assertion&#xa0;: ajoutez ce que la sortie doit contenir, reconnaître ou respecter.</translation>
    </message>
    <message>
        <source>Add assertion</source>
        <translation>Ajouter une assertion</translation>
    </message>
    <message>
        <source>Add a check of the output to this case</source>
        <translation>Ajouter à ce cas une vérification de la sortie</translation>
    </message>
    <message>
        <source>Case description</source>
        <translation>Description du cas</translation>
    </message>
    <message>
        <source>What this case checks, e.g. a polite refusal</source>
        <translation>Ce que vérifie ce cas, p. ex. un refus poli</translation>
    </message>
    <message>
        <source>Case weight</source>
        <translation>Poids du cas</translation>
    </message>
    <message>
        <source>How much this case counts in the eval&apos;s total</source>
        <translation>Ce que compte ce cas dans le total de l&apos;évaluation</translation>
    </message>
    <message>
        <source>Case threshold</source>
        <translation>Seuil du cas</translation>
    </message>
    <message>
        <source>The weighted score, 0 to 1, at which the case passes; blank: every assertion must pass</source>
        <translation>Le score pondéré, de 0 à 1, à partir duquel le cas réussit&#xa0;; vide&#xa0;: chaque assertion doit réussir</translation>
    </message>
    <message>
        <source>every assertion must pass</source>
        <translation>chaque assertion doit réussir</translation>
    </message>
    <message>
        <source>The prompt declares no variables.</source>
        <translation>Le prompt ne déclare aucune variable.</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valeurs</translation>
    </message>
    <message>
        <source>Assertions</source>
        <translation>Assertions</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>Notation</translation>
    </message>
    <message>
        <source>&amp;Weight</source>
        <translation>&amp;Poids</translation>
    </message>
    <message>
        <source>T&amp;hreshold</source>
        <translation>&amp;Seuil</translation>
    </message>
    <message>
        <source>%1 (not declared)</source>
        <translation>%1 (non déclarée)</translation>
    </message>
    <message>
        <source>Value of %1</source>
        <translation>Valeur de %1</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>par défaut&#xa0;: %1</translation>
    </message>
    <message>
        <source>required (%1)</source>
        <translation>obligatoire (%1)</translation>
    </message>
</context>
<context>
    <name>TryDialog</name>
    <message>
        <source>Try “%1”</source>
        <translation>Essayer «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>The model&apos;s answer appears here.</source>
        <translation>La réponse du modèle apparaît ici.</translation>
    </message>
    <message>
        <source>Nothing is kept: fork the template to keep and change it.</source>
        <translation>Rien n&apos;est conservé&#xa0;: dérivez le gabarit pour le garder et le modifier.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Exécution…</translation>
    </message>
    <message>
        <source>%1 tokens in, %2 out · %3 s</source>
        <translation>%1 jetons en entrée, %2 en sortie · %3 s</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Promptdesk</source>
        <translation>Déverrouiller Promptdesk</translation>
    </message>
    <message>
        <source>Enter the passphrase of your encrypted library.</source>
        <translation>Saisissez la phrase secrète de votre bibliothèque chiffrée.</translation>
    </message>
    <message>
        <source>Promptdesk is locked. Your library stays encrypted until you unlock it.</source>
        <translation>Promptdesk est verrouillé. Votre bibliothèque reste chiffrée jusqu&apos;à ce que vous la déverrouilliez.</translation>
    </message>
    <message>
        <source>Promptdesk is locked.</source>
        <translation>Promptdesk est verrouillé.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Use recovery key…</source>
        <translation>Utiliser la clé de récupération…</translation>
    </message>
    <message>
        <source>Unlock with your recovery key.</source>
        <translation>Déverrouillez avec votre clé de récupération.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Déverrouillage…</translation>
    </message>
    <message>
        <source>That passphrase does not unlock this library. Check Caps Lock and try again, or use your recovery key.</source>
        <translation>Cette phrase secrète ne déverrouille pas cette bibliothèque. Vérifiez le verrouillage des majuscules et réessayez, ou utilisez votre clé de récupération.</translation>
    </message>
</context>
<context>
    <name>UsageChart</name>
    <message>
        <source>Tokens in</source>
        <translation>Jetons en entrée</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Jetons en sortie</translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation>Coût (USD)</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <source>Tokens and cost per day</source>
        <translation>Jetons et coût par jour</translation>
    </message>
</context>
<context>
    <name>VariableDeclarations</name>
    <message>
        <source>Use letters, digits and &apos;_&apos;, starting with a letter, as in {{ customer_name }}.</source>
        <translation>Utilisez des lettres, des chiffres et &apos;_&apos;, en commençant par une lettre, comme dans {{ customer_name }}.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already declared.</source>
        <translation>«&#xa0;%1&#xa0;» est déjà déclarée.</translation>
    </message>
    <message>
        <source>Variable declarations</source>
        <translation>Déclarations de variables</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Choices as a|b|c; bounds of numbers as 1..10 (either side optional)</source>
        <translation>Choix sous la forme a|b|c&#xa0;; bornes numériques sous la forme 1..10 (chaque borne facultative)</translation>
    </message>
    <message>
        <source>Add variable…</source>
        <translation>Ajouter une variable…</translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation>Ajouter une variable</translation>
    </message>
    <message>
        <source>Declare a new variable</source>
        <translation>Déclarer une nouvelle variable</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove variable</source>
        <translation>Retirer la variable</translation>
    </message>
    <message>
        <source>Remove the selected variables</source>
        <translation>Retirer les variables sélectionnées</translation>
    </message>
    <message>
        <source>Type of %1</source>
        <translation>Type de %1</translation>
    </message>
    <message>
        <source>Used in the template but not declared: %1.</source>
        <translation>Utilisées dans le gabarit mais non déclarées&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Declare all</source>
        <translation>Tout déclarer</translation>
    </message>
    <message>
        <source>Name (use it in the template as {{ name }}):</source>
        <translation>Nom (à utiliser dans le gabarit sous la forme {{ name }})&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. customer_name</source>
        <translation>p. ex. customer_name</translation>
    </message>
    <message>
        <source>bounds are written as 1..10</source>
        <translation>les bornes s&apos;écrivent sous la forme 1..10</translation>
    </message>
    <message>
        <source>is declared twice</source>
        <translation>est déclarée deux fois</translation>
    </message>
    <message>
        <source>bounds are numbers, as in 1..10</source>
        <translation>les bornes sont des nombres, comme dans 1..10</translation>
    </message>
</context>
<context>
    <name>VariablesForm</name>
    <message>
        <source>This prompt has no variables. Declare them under Variables and use them in the template as {{ name }}.</source>
        <translation>Ce prompt n&apos;a pas de variables. Déclarez-les dans Variables et utilisez-les dans le gabarit sous la forme {{ name }}.</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (obligatoire)</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
</context>
<context>
    <name>VersionsPanel</name>
    <message>
        <source>Use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos; (at most 64), not &apos;working&apos;.</source>
        <translation>Utilisez des lettres, des chiffres, &apos;-&apos;, &apos;_&apos; et &apos;.&apos; (64 au maximum), mais pas &apos;working&apos;.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already used.</source>
        <translation>«&#xa0;%1&#xa0;» est déjà utilisé.</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Commit…</source>
        <translation>Valider…</translation>
    </message>
    <message>
        <source>New branch…</source>
        <translation>Nouvelle branche…</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Fusionner…</translation>
    </message>
    <message>
        <source>Set label…</source>
        <translation>Définir une étiquette…</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>production → %1</source>
        <translation>production → %1</translation>
    </message>
    <message>
        <source>no production version</source>
        <translation>aucune version production</translation>
    </message>
    <message>
        <source>Protected: %1</source>
        <translation>Protégées&#xa0;: %1</translation>
    </message>
    <message>
        <source>working copy</source>
        <translation>copie de travail</translation>
    </message>
    <message>
        <source>Commit a version</source>
        <translation>Valider une version</translation>
    </message>
    <message>
        <source>What changed?</source>
        <translation>Qu&apos;est-ce qui a changé&#xa0;?</translation>
    </message>
    <message>
        <source>Committed %1.</source>
        <translation>Version %1 validée.</translation>
    </message>
    <message>
        <source>New branch</source>
        <translation>Nouvelle branche</translation>
    </message>
    <message>
        <source>Name of the new branch (it is checked out):</source>
        <translation>Nom de la nouvelle branche (vous y basculerez)&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. shorter</source>
        <translation>p. ex. plus-court</translation>
    </message>
    <message>
        <source>Switch branch</source>
        <translation>Changer de branche</translation>
    </message>
    <message>
        <source>Check out:</source>
        <translation>Basculer vers&#xa0;:</translation>
    </message>
    <message>
        <source>Merge this branch into %1:</source>
        <translation>Fusionner cette branche dans %1&#xa0;:</translation>
    </message>
    <message>
        <source>Merged %1.</source>
        <translation>Branche %1 fusionnée.</translation>
    </message>
    <message>
        <source>Commit a version first, then label it.</source>
        <translation>Validez d&apos;abord une version, puis étiquetez-la.</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Set label on this version…</source>
        <translation>Définir une étiquette sur cette version…</translation>
    </message>
    <message>
        <source>New branch from this version…</source>
        <translation>Nouvelle branche à partir de cette version…</translation>
    </message>
    <message>
        <source>Copy version id</source>
        <translation>Copier l&apos;ID de version</translation>
    </message>
    <message>
        <source>Commit version…</source>
        <translation>Valider la version…</translation>
    </message>
    <message>
        <source>Merge branch…</source>
        <translation>Fusionner une branche…</translation>
    </message>
    <message>
        <source>There is no other branch to merge.</source>
        <translation>Il n&apos;y a aucune autre branche à fusionner.</translation>
    </message>
    <message>
        <source>Select a version to compare it with your working copy; Ctrl+click a second one to compare the two.</source>
        <translation>Sélectionnez une version pour la comparer à votre copie de travail ; Ctrl+clic sur une seconde compare les deux.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <source>Protected label</source>
        <translation>Étiquette protégée</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is protected. Move it to this version anyway?</source>
        <translation>«&#xa0;%1&#xa0;» est protégée. La déplacer quand même vers cette version&#xa0;?</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Promptdesk</source>
        <translation>Bienvenue dans Promptdesk</translation>
    </message>
    <message>
        <source>Promptdesk keeps your prompts, versions, runs and file context in an encrypted library on this computer. It runs a small local model with no account and no network, and any provider you add a key for.

Setting up takes a minute.</source>
        <translation>Promptdesk conserve vos prompts, versions, exécutions et le contexte de vos fichiers dans une bibliothèque chiffrée sur cet ordinateur. Il exécute un petit modèle local sans compte ni réseau, ainsi que tout fournisseur pour lequel vous ajoutez une clé.

La configuration prend une minute.</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>Something went wrong</source>
        <translation>Une erreur s&apos;est produite</translation>
    </message>
    <message>
        <source>Promptdesk hit an error it did not expect. Your work is saved; you can go on.</source>
        <translation>Promptdesk a rencontré une erreur inattendue. Votre travail est enregistré&#xa0;; vous pouvez continuer.</translation>
    </message>
</context>
</TS>
