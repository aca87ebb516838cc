<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>Required</source>
        <translation>Obligatorio</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Text, several lines allowed</source>
        <translation>Texto, se permiten varias líneas</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Path to a file</source>
        <translation>Ruta a un archivo</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>Examinar para %1</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Elegir un archivo</translation>
    </message>
    <message>
        <source>Choose a file for %1</source>
        <translation>Elegir un archivo para %1</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>De %1 a %2</translation>
    </message>
    <message>
        <source>At least %1</source>
        <translation>Como mínimo %1</translation>
    </message>
    <message>
        <source>At most %1</source>
        <translation>Como máximo %1</translation>
    </message>
    <message>
        <source>Runs on this computer</source>
        <translation>Se ejecuta en este equipo</translation>
    </message>
    <message>
        <source>Runs on this computer, through %1</source>
        <translation>Se ejecuta en este equipo, mediante %1</translation>
    </message>
    <message>
        <source>Sends the text of your files to %1</source>
        <translation>Envía el texto de tus archivos a %1</translation>
    </message>
</context>
<context>
    <name>ABDialog</name>
    <message>
        <source>A/B test — %1</source>
        <translation>Prueba A/B — %1</translation>
    </message>
    <message>
        <source>Run every test case of &apos;%1&apos; on two sides and test whether one passes more often than chance would explain.</source>
        <translation>Ejecuta cada caso de prueba de «%1» en dos lados y comprueba si uno de ellos se supera más a menudo de lo que explicaría el azar.</translation>
    </message>
    <message>
        <source>Two versions</source>
        <translation>Dos versiones</translation>
    </message>
    <message>
        <source>Two models</source>
        <translation>Dos modelos</translation>
    </message>
    <message>
        <source>Version A</source>
        <translation>Versión A</translation>
    </message>
    <message>
        <source>Version B</source>
        <translation>Versión B</translation>
    </message>
    <message>
        <source>Version both models run</source>
        <translation>Versión que ejecutan ambos modelos</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Repeticiones</translation>
    </message>
    <message>
        <source>How many times each case runs on each side (about ten results a side are needed before a winner is called)</source>
        <translation>Cuántas veces se ejecuta cada caso en cada lado (hacen falta unos diez resultados por lado antes de declarar un ganador)</translation>
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
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Run A/B test</source>
        <translation>Ejecutar prueba A/B</translation>
    </message>
    <message>
        <source>Choose both A and B.</source>
        <translation>Elige A y B.</translation>
    </message>
    <message>
        <source>A and B are the same: choose two different ones.</source>
        <translation>A y B son iguales: elige dos diferentes.</translation>
    </message>
</context>
<context>
    <name>ABPanel</name>
    <message>
        <source>No A/B result</source>
        <translation>Sin resultado A/B</translation>
    </message>
    <message>
        <source>Prompt ▸ A/B test… runs two versions (or two models) over the same test cases, several times each, and says here whether one is really better.</source>
        <translation>Prompt ▸ Prueba A/B… ejecuta dos versiones (o dos modelos) sobre los mismos casos de prueba, varias veces cada uno, e indica aquí si uno es realmente mejor.</translation>
    </message>
    <message>
        <source>%1 (Fisher&apos;s exact test, two-sided)</source>
        <translation>%1 (prueba exacta de Fisher, bilateral)</translation>
    </message>
    <message>
        <source>Scores: %1</source>
        <translation>Puntuaciones: %1</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Superados</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>Tasa de superación</translation>
    </message>
    <message>
        <source>Mean score</source>
        <translation>Puntuación media</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
</context>
<context>
    <name>About</name>
    <message>
        <source>&lt;h3&gt;Promptdesk %1&lt;/h3&gt;&lt;p&gt;A local-first workbench for prompt engineering: a versioned library of prompt templates, local and remote models, file context, comparisons and history.&lt;/p&gt;&lt;p&gt;Everything you write is stored encrypted on this computer. Nothing leaves it unless you run a remote model.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Promptdesk %1&lt;/h3&gt;&lt;p&gt;Un banco de trabajo local para la ingeniería de prompts: una biblioteca versionada de plantillas de prompts, modelos locales y remotos, contexto de archivos, comparaciones e historial.&lt;/p&gt;&lt;p&gt;Todo lo que escribes se guarda cifrado en este equipo. Nada sale de él salvo que ejecutes un modelo remoto.&lt;/p&gt;&lt;p&gt;Distribuido bajo la licencia Apache 2.0.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AddSourceDialog</name>
    <message>
        <source>Add a context source</source>
        <translation>Añadir una fuente de contexto</translation>
    </message>
    <message>
        <source>Folder or file</source>
        <translation>Carpeta o archivo</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>e.g. *.md, docs/*  (empty: everything)</source>
        <translation>p. ej., *.md, docs/*  (vacío: todo)</translation>
    </message>
    <message>
        <source>e.g. drafts/*, *.log</source>
        <translation>p. ej., drafts/*, *.log</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Incluir</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>.gitignore is respected; hidden files and files over the size limit are skipped.</source>
        <translation>Se respeta .gitignore; se omiten los archivos ocultos y los que superan el límite de tamaño.</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Elegir una carpeta</translation>
    </message>
</context>
<context>
    <name>AnswersDialog</name>
    <message>
        <source>Sync is waiting for you</source>
        <translation>La sincronización espera tu respuesta</translation>
    </message>
    <message>
        <source>Nothing is waiting for an answer.</source>
        <translation>No hay nada pendiente de respuesta.</translation>
    </message>
    <message>
        <source>A sync of %1 would delete %2 of its %3 prompts. Nothing has been deleted: delete them here too, or keep them (they are shared again, for everyone).</source>
        <translation>Una sincronización de %1 eliminaría %2 de sus %3 prompts. No se ha eliminado nada: elimínalos también aquí o consérvalos (se vuelven a compartir, para todos).</translation>
    </message>
    <message>
        <source>Delete them</source>
        <translation>Eliminarlos</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Conservarlos</translation>
    </message>
    <message>
        <source>Not connected: try again once the sync is online.</source>
        <translation>Sin conexión: vuelve a intentarlo cuando la sincronización esté en línea.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2) was restored on the server from a backup.</source>
        <translation>«%1» (%2) se restauró en el servidor a partir de una copia de seguridad.</translation>
    </message>
    <message>
        <source>Loading the server&apos;s copy…</source>
        <translation>Cargando la copia del servidor…</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>En el servidor</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Aquí</translation>
    </message>
    <message>
        <source>Keep the server&apos;s</source>
        <translation>Conservar la del servidor</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Conservar la mía</translation>
    </message>
    <message>
        <source>label</source>
        <translation>marca</translation>
    </message>
    <message>
        <source>branch</source>
        <translation>rama</translation>
    </message>
    <message>
        <source>The %1 &apos;%2&apos; of &apos;%3&apos; was moved by %4 while yours pointed elsewhere. Take theirs, keep yours (it replaces theirs on the server), or merge both.</source>
        <translation>En «%3», %4 movió la %1 «%2» mientras la tuya apuntaba a otro sitio. Acepta la suya, conserva la tuya (reemplaza la suya en el servidor) o fusiona ambas.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>alguien</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Aceptar la suya</translation>
    </message>
    <message>
        <source>Merge both</source>
        <translation>Fusionar ambas</translation>
    </message>
</context>
<context>
    <name>CellDetail</name>
    <message>
        <source>Cell detail</source>
        <translation>Detalle de la celda</translation>
    </message>
    <message>
        <source>Click a cell of the matrix to see its output and why it passed or not.</source>
        <translation>Haz clic en una celda de la matriz para ver su salida y por qué se superó o no.</translation>
    </message>
    <message>
        <source>Repeat %1 of %2</source>
        <translation>Repetición %1 de %2</translation>
    </message>
    <message>
        <source>Not run yet</source>
        <translation>Aún no ejecutado</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Superado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>puntuación %1</translation>
    </message>
    <message>
        <source>%1 tokens in, %2 out</source>
        <translation>%1 tokens de entrada, %2 de salida</translation>
    </message>
    <message>
        <source>from the cache</source>
        <translation>de la caché</translation>
    </message>
    <message>
        <source>(the model wrote nothing)</source>
        <translation>(el modelo no escribió nada)</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Assertions</source>
        <translation>Aserciones</translation>
    </message>
    <message>
        <source>Sent to the model</source>
        <translation>Enviado al modelo</translation>
    </message>
    <message>
        <source>Assertion</source>
        <translation>Aserción</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Judge %1</source>
        <translation>Evaluado por %1</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Rúbrica</translation>
    </message>
    <message>
        <source>Raw answer</source>
        <translation>Respuesta sin procesar</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>Paleta de comandos</translation>
    </message>
    <message>
        <source>Search commands</source>
        <translation>Buscar comandos</translation>
    </message>
    <message>
        <source>Type a command or prompt name…</source>
        <translation>Escribe un comando o el nombre de un prompt…</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Comandos</translation>
    </message>
    <message>
        <source>No matching commands</source>
        <translation>No hay comandos coincidentes</translation>
    </message>
</context>
<context>
    <name>CompareColumn</name>
    <message numerus="yes">
        <source>Model for column %n</source>
        <translation>
            <numerusform>Modelo de la columna %n</numerusform>
            <numerusform>Modelo de la columna %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Version for column %n</source>
        <translation>
            <numerusform>Versión de la columna %n</numerusform>
            <numerusform>Versión de la columna %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Which version of the prompt this column runs</source>
        <translation>Qué versión del prompt ejecuta esta columna</translation>
    </message>
    <message>
        <source>Parameters for this column only (on top of the shared ones)</source>
        <translation>Parámetros solo para esta columna (además de los compartidos)</translation>
    </message>
    <message>
        <source>Working copy</source>
        <translation>Copia de trabajo</translation>
    </message>
</context>
<context>
    <name>ComparePicker</name>
    <message>
        <source>Compare with…</source>
        <translation>Comparar con…</translation>
    </message>
    <message>
        <source>Compare the run of %1 (%2) with:</source>
        <translation>Comparar la ejecución de %1 (%2) con:</translation>
    </message>
    <message>
        <source>The run to compare with</source>
        <translation>La ejecución con la que comparar</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <source>Run the prompt on every column&apos;s model (%1)</source>
        <translation>Ejecutar el prompt con el modelo de cada columna (%1)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop every run</source>
        <translation>Detener todas las ejecuciones</translation>
    </message>
    <message>
        <source>Stop every run (%1)</source>
        <translation>Detener todas las ejecuciones (%1)</translation>
    </message>
    <message>
        <source>Add column</source>
        <translation>Añadir columna</translation>
    </message>
    <message>
        <source>Remove column</source>
        <translation>Quitar columna</translation>
    </message>
    <message>
        <source>Parameters for every column (a column&apos;s own ones win)</source>
        <translation>Parámetros para todas las columnas (los propios de cada columna tienen prioridad)</translation>
    </message>
    <message>
        <source>Add a column</source>
        <translation>Añadir una columna</translation>
    </message>
    <message>
        <source>Remove the last column</source>
        <translation>Quitar la última columna</translation>
    </message>
</context>
<context>
    <name>ContextPage</name>
    <message>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <source>How folders you give as context are split, embedded and watched. Chunk sizes apply to files indexed after a change.</source>
        <translation>Cómo se dividen, vectorizan y vigilan las carpetas que das como contexto. Los tamaños de fragmento se aplican a los archivos indexados después de un cambio.</translation>
    </message>
</context>
<context>
    <name>ContextSearchPanel</name>
    <message>
        <source>Search your files</source>
        <translation>Buscar en tus archivos</translation>
    </message>
    <message>
        <source>Search your files…</source>
        <translation>Buscar en tus archivos…</translation>
    </message>
    <message>
        <source>Search mode</source>
        <translation>Modo de búsqueda</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de búsqueda</translation>
    </message>
    <message>
        <source>Add to context</source>
        <translation>Añadir al contexto</translation>
    </message>
    <message>
        <source>Add the selected result to the context tray (Enter)</source>
        <translation>Añadir el resultado seleccionado a la bandeja de contexto (Enter)</translation>
    </message>
    <message>
        <source>Type to search your context sources.</source>
        <translation>Escribe para buscar en tus fuentes de contexto.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContextTray</name>
    <message>
        <source>Context for the next run</source>
        <translation>Contexto para la próxima ejecución</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>Añadir archivo…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Token budget</source>
        <translation>Presupuesto de tokens</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> tokens</translation>
    </message>
    <message>
        <source>Budget used</source>
        <translation>Presupuesto usado</translation>
    </message>
    <message>
        <source>Drop files or search results here.</source>
        <translation>Suelta aquí archivos o resultados de búsqueda.</translation>
    </message>
    <message>
        <source>The exact context the run will send</source>
        <translation>El contexto exacto que enviará la ejecución</translation>
    </message>
    <message>
        <source>The exact context the run will send.</source>
        <translation>El contexto exacto que enviará la ejecución.</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Presupuesto</translation>
    </message>
    <message>
        <source>Add a file as context</source>
        <translation>Añadir un archivo como contexto</translation>
    </message>
    <message>
        <source>0 tokens</source>
        <translation>0 tokens</translation>
    </message>
    <message>
        <source>%1 of %2 tokens</source>
        <translation>%1 de %2 tokens</translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s) sent</source>
        <translation>
            <numerusform>%n fragmento enviado</numerusform>
            <numerusform>%n fragmentos enviados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n left out (over budget)</source>
        <translation>
            <numerusform>; %n omitido (supera el presupuesto)</numerusform>
            <numerusform>; %n omitidos (superan el presupuesto)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <source>Differences</source>
        <translation>Diferencias</translation>
    </message>
</context>
<context>
    <name>EvalsView</name>
    <message>
        <source>Cell</source>
        <translation>Celda</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparación</translation>
    </message>
    <message>
        <source>A/B result</source>
        <translation>Resultado A/B</translation>
    </message>
    <message>
        <source>No evaluations yet. Add test cases in the prompt&apos;s Tests tab, then Run tests (Prompt ▸ Run tests) to see each case pass or fail here.</source>
        <translation>Aún no hay evaluaciones. Añade casos de prueba en la pestaña Pruebas del prompt y luego ejecuta las pruebas (Prompt ▸ Ejecutar pruebas) para ver aquí si cada caso se supera o falla.</translation>
    </message>
    <message>
        <source>An evaluation is running: stop it or wait for it first.</source>
        <translation>Hay una evaluación en curso: detenla o espera primero a que termine.</translation>
    </message>
    <message>
        <source>Stopping after the cells already running…</source>
        <translation>Deteniendo tras las celdas que ya están en ejecución…</translation>
    </message>
    <message>
        <source>Run the tests twice to compare two runs.</source>
        <translation>Ejecuta las pruebas dos veces para comparar dos ejecuciones.</translation>
    </message>
    <message>
        <source>Eval runs</source>
        <translation>Ejecuciones de evaluación</translation>
    </message>
    <message>
        <source>Matrix of results</source>
        <translation>Matriz de resultados</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Run the cells this stopped run left</source>
        <translation>Ejecutar las celdas que dejó pendientes esta ejecución detenida</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Comparar con…</translation>
    </message>
    <message>
        <source>What regressed and what was fixed since a run</source>
        <translation>Qué ha empeorado y qué se ha corregido desde una ejecución</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop the eval; Resume runs the rest later</source>
        <translation>Detener la evaluación; «Reanudar» ejecuta el resto más tarde</translation>
    </message>
    <message>
        <source>Total: %1 of %2 passed (%3)</source>
        <translation>Total: %1 de %2 superados (%3)</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>coste %1</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message>
        <source>errors: %1</source>
        <translation>errores: %1</translation>
    </message>
    <message>
        <source>%1 not run</source>
        <translation>%1 sin ejecutar</translation>
    </message>
    <message>
        <source>%1 from the cache</source>
        <translation>%1 de la caché</translation>
    </message>
    <message>
        <source>Could not load the evaluations: %1</source>
        <translation>No se pudieron cargar las evaluaciones: %1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>%1 / %2 cells</source>
        <translation>%1 / %2 celdas</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Tiempo restante %1</translation>
    </message>
    <message>
        <source>Evaluation stopped: Resume runs the cells left.</source>
        <translation>Evaluación detenida: «Reanudar» ejecuta las celdas restantes.</translation>
    </message>
    <message>
        <source>Evaluation finished.</source>
        <translation>Evaluación finalizada.</translation>
    </message>
</context>
<context>
    <name>Evaluations</name>
    <message>
        <source>working copy</source>
        <translation>copia de trabajo</translation>
    </message>
    <message>
        <source>%1 passed (%2) · score %3</source>
        <translation>%1 superados (%2) · puntuación %3</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Find (Ctrl+F)</source>
        <translation>Buscar (Ctrl+F)</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Reemplazar con</translation>
    </message>
    <message>
        <source>Replace with (Ctrl+H)</source>
        <translation>Reemplazar con (Ctrl+H)</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Distinguir mayúsculas y minúsculas</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Coincidencia anterior (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Coincidencia siguiente (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Reemplazar todo</translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n</source>
        <translation>
            <numerusform>Se reemplazó %n</numerusform>
            <numerusform>Se reemplazaron %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Sin resultados</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n coincidencia</numerusform>
            <numerusform>%n coincidencias</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up Promptdesk</source>
        <translation>Configurar Promptdesk</translation>
    </message>
    <message>
        <source>Creating your encrypted library…</source>
        <translation>Creando tu biblioteca cifrada…</translation>
    </message>
    <message>
        <source>Protecting your library as you chose…</source>
        <translation>Protegiendo tu biblioteca según tu elección…</translation>
    </message>
    <message>
        <source>Your library is ready.</source>
        <translation>Tu biblioteca está lista.</translation>
    </message>
    <message>
        <source>Your library now opens with your new choice. The recovery key stays the same.</source>
        <translation>Tu biblioteca se abre ahora según tu nueva elección. La clave de recuperación sigue siendo la misma.</translation>
    </message>
    <message>
        <source>Ready. Your library has a few example prompts to try.</source>
        <translation>Todo listo. Tu biblioteca incluye algunos prompts de ejemplo para probar.</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Algo salió mal: %1</translation>
    </message>
</context>
<context>
    <name>Gallery</name>
    <message>
        <source>Open a prompt to publish it.</source>
        <translation>Abre un prompt para publicarlo.</translation>
    </message>
    <message>
        <source>Commit your changes first: the gallery publishes versions.</source>
        <translation>Confirma primero tus cambios: la galería publica versiones.</translation>
    </message>
    <message>
        <source>Published release %1.</source>
        <translation>Lanzamiento %1 publicado.</translation>
    </message>
    <message>
        <source>Published “%1”: a moderator reviews it before it is public.</source>
        <translation>Se publicó «%1»: un moderador lo revisará antes de que sea público.</translation>
    </message>
    <message>
        <source>Pull upstream…</source>
        <translation>Traer cambios del original…</translation>
    </message>
    <message>
        <source>Open a forked prompt to pull its upstream.</source>
        <translation>Abre un prompt bifurcado para traer los cambios de su original.</translation>
    </message>
    <message>
        <source>Commit your changes first, then pull upstream.</source>
        <translation>Confirma primero tus cambios y luego trae los del original.</translation>
    </message>
    <message>
        <source>“%1” is up to date with its upstream.</source>
        <translation>«%1» está al día con su original.</translation>
    </message>
    <message>
        <source>Merged release %1 from upstream; your edits are kept.</source>
        <translation>Lanzamiento %1 del original fusionado; tus cambios se conservan.</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galería</translation>
    </message>
</context>
<context>
    <name>GalleryPage</name>
    <message>
        <source>Example outputs</source>
        <translation>Ejemplos de salida</translation>
    </message>
    <message>
        <source>Forked from</source>
        <translation>Bifurcación de</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Offline: as it was at</source>
        <translation>Sin conexión: estado del</translation>
    </message>
    <message>
        <source>Passed on</source>
        <translation>Superados en</translation>
    </message>
    <message>
        <source>Published forks</source>
        <translation>Bifurcaciones publicadas</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Lanzamiento</translation>
    </message>
    <message>
        <source>Releases</source>
        <translation>Lanzamientos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Prompt del sistema</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Test cases</source>
        <translation>Casos de prueba</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>by</source>
        <translation>por</translation>
    </message>
    <message>
        <source>forks</source>
        <translation>bifurcaciones</translation>
    </message>
    <message>
        <source>its parent entry</source>
        <translation>su entrada original</translation>
    </message>
    <message>
        <source>no ratings yet</source>
        <translation>sin valoraciones aún</translation>
    </message>
    <message>
        <source>release</source>
        <translation>lanzamiento</translation>
    </message>
    <message>
        <source>uses</source>
        <translation>usos</translation>
    </message>
    <message>
        <source>Media &amp; entertainment</source>
        <translation>Medios y entretenimiento</translation>
    </message>
    <message>
        <source>Healthcare &amp; life sciences</source>
        <translation>Salud y ciencias de la vida</translation>
    </message>
    <message>
        <source>Retail</source>
        <translation>Comercio minorista</translation>
    </message>
    <message>
        <source>Manufacturing</source>
        <translation>Fabricación</translation>
    </message>
    <message>
        <source>Automotive</source>
        <translation>Automoción</translation>
    </message>
    <message>
        <source>Financial services</source>
        <translation>Servicios financieros</translation>
    </message>
    <message>
        <source>Gaming</source>
        <translation>Videojuegos</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <source>Best match</source>
        <translation>Mejor coincidencia</translation>
    </message>
    <message>
        <source>Top rated</source>
        <translation>Mejor valoradas</translation>
    </message>
    <message>
        <source>Most forked</source>
        <translation>Más bifurcadas</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Más recientes</translation>
    </message>
    <message>
        <source>Trending</source>
        <translation>Tendencias</translation>
    </message>
    <message>
        <source>Gallery — Promptdesk</source>
        <translation>Galería — Promptdesk</translation>
    </message>
    <message>
        <source>Search templates (title, tags, text)</source>
        <translation>Buscar plantillas (título, etiquetas, texto)</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>Ordenar:</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>Todos los sectores</translation>
    </message>
    <message>
        <source>Any license</source>
        <translation>Cualquier licencia</translation>
    </message>
    <message>
        <source>Any rating</source>
        <translation>Cualquier valoración</translation>
    </message>
    <message>
        <source>%1★ and up</source>
        <translation>%1★ o más</translation>
    </message>
    <message>
        <source>a tag</source>
        <translation>una etiqueta</translation>
    </message>
    <message>
        <source>e.g. local:smollm2-135m-instruct</source>
        <translation>p. ej., local:smollm2-135m-instruct</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Valoración</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Tested on</source>
        <translation>Probado en</translation>
    </message>
    <message>
        <source>Import starter templates</source>
        <translation>Importar plantillas iniciales</translation>
    </message>
    <message>
        <source>Copy the starter templates into your library (works offline)</source>
        <translation>Copiar las plantillas iniciales a tu biblioteca (funciona sin conexión)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n starter template(s) into your library.</source>
        <translation>
            <numerusform>Se importó %n plantilla inicial a tu biblioteca.</numerusform>
            <numerusform>Se importaron %n plantillas iniciales a tu biblioteca.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were there already.</source>
        <translation>
            <numerusform>%n ya estaba.</numerusform>
            <numerusform>%n ya estaban.</numerusform>
        </translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Spam or advertising</source>
        <translation>Spam o publicidad</translation>
    </message>
    <message>
        <source>Harmful or abusive</source>
        <translation>Dañino u ofensivo</translation>
    </message>
    <message>
        <source>Copies someone else&apos;s work</source>
        <translation>Copia el trabajo de otra persona</translation>
    </message>
    <message>
        <source>Misleading description</source>
        <translation>Descripción engañosa</translation>
    </message>
    <message>
        <source>Does not work as described</source>
        <translation>No funciona como se describe</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Otro motivo</translation>
    </message>
    <message>
        <source>Try it…</source>
        <translation>Probar…</translation>
    </message>
    <message>
        <source>Fork to my library</source>
        <translation>Bifurcar a mi biblioteca</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Valorar</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>Denunciar…</translation>
    </message>
    <message>
        <source>Not signed in to a team server: sign in (Tools ▸ Team and workspaces…) to browse its gallery, or import the starter templates.</source>
        <translation>No has iniciado sesión en un servidor de equipo: inicia sesión (Herramientas ▸ Equipo y espacios de trabajo…) para explorar su galería o importa las plantillas iniciales.</translation>
    </message>
    <message>
        <source>More than 1,000 templates: add words or filters</source>
        <translation>Más de 1000 plantillas: añade palabras o filtros</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation>
            <numerusform>%n plantilla</numerusform>
            <numerusform>%n plantillas</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline — the gallery as it was at %1. %2</source>
        <translation>Sin conexión — la galería tal como estaba el %1. %2</translation>
    </message>
    <message numerus="yes">
        <source>%n fork(s)</source>
        <translation>
            <numerusform>%n bifurcación</numerusform>
            <numerusform>%n bifurcaciones</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a template to see its page.</source>
        <translation>Elige una plantilla para ver su página.</translation>
    </message>
    <message>
        <source>Forked “%1” release %2 into your library as “%3”.</source>
        <translation>Lanzamiento %2 de «%1» bifurcado a tu biblioteca como «%3».</translation>
    </message>
    <message>
        <source>Sign in to rate templates.</source>
        <translation>Inicia sesión para valorar plantillas.</translation>
    </message>
    <message>
        <source>You rated it %1★.</source>
        <translation>Tu valoración: %1★.</translation>
    </message>
    <message>
        <source>Sign in to report templates.</source>
        <translation>Inicia sesión para denunciar plantillas.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Denunciar</translation>
    </message>
    <message>
        <source>Why should a moderator look at “%1”?</source>
        <translation>¿Por qué debería un moderador revisar «%1»?</translation>
    </message>
    <message>
        <source>Reported; a moderator will look at it.</source>
        <translation>Denuncia enviada; un moderador revisará la plantilla.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>No runs yet — run a prompt with Ctrl+Enter</source>
        <translation>Aún no hay ejecuciones: ejecuta un prompt con Ctrl+Enter</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Ejecuciones</translation>
    </message>
    <message>
        <source>All prompts</source>
        <translation>Todos los prompts</translation>
    </message>
    <message>
        <source>Filter by prompt</source>
        <translation>Filtrar por prompt</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>Todos los modelos</translation>
    </message>
    <message>
        <source>Filter by model</source>
        <translation>Filtrar por modelo</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrar por estado</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Correcta</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Restablecer</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Restablecer filtros</translation>
    </message>
    <message>
        <source>Show every run</source>
        <translation>Mostrar todas las ejecuciones</translation>
    </message>
    <message>
        <source>Filter by date: %1</source>
        <translation>Filtrar por fecha: %1</translation>
    </message>
    <message>
        <source>Usage per day</source>
        <translation>Uso por día</translation>
    </message>
    <message>
        <source>Selected run</source>
        <translation>Ejecución seleccionada</translation>
    </message>
    <message>
        <source>No runs match these filters.</source>
        <translation>Ninguna ejecución coincide con estos filtros.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n ejecución</numerusform>
            <numerusform>%n ejecuciones</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens in, %2 out</source>
        <translation>%1 tokens de entrada, %2 de salida</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>coste %1</translation>
    </message>
    <message numerus="yes">
        <source>the latest %n shown</source>
        <translation>
            <numerusform>se muestra la más reciente (%n)</numerusform>
            <numerusform>se muestran las %n más recientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load the run history: %1</source>
        <translation>No se pudo cargar el historial de ejecuciones: %1</translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <source>Set a label</source>
        <translation>Establecer una marca</translation>
    </message>
    <message>
        <source>the newest version</source>
        <translation>la versión más reciente</translation>
    </message>
    <message>
        <source>Protected (moving it needs confirmation)</source>
        <translation>Protegida (moverla requiere confirmación)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Marca</translation>
    </message>
</context>
<context>
    <name>LibraryExchange</name>
    <message>
        <source>Import prompts</source>
        <translation>Importar prompts</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 unchanged.</source>
        <translation>Importados: %1 nuevos, %2 actualizados, %3 sin cambios.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Error al importar</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>No se importó nada.</translation>
    </message>
    <message>
        <source>Export the library</source>
        <translation>Exportar la biblioteca</translation>
    </message>
    <message>
        <source>The export file is not encrypted: anyone who can read it can read every prompt, version and label in it. Keep it somewhere safe.</source>
        <translation>El archivo exportado no está cifrado: cualquiera que pueda leerlo podrá leer todos los prompts, versiones y marcas que contiene. Guárdalo en un lugar seguro.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n prompt(s) to %1.</source>
        <translation>
            <numerusform>Se exportó %n prompt a %1.</numerusform>
            <numerusform>Se exportaron %n prompts a %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
</context>
<context>
    <name>LibrarySidebar</name>
    <message>
        <source>Use lowercase letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, starting and ending with a letter or digit (at most 100).</source>
        <translation>Usa minúsculas, dígitos, &apos;-&apos;, &apos;_&apos; y &apos;.&apos;, empezando y terminando por una letra o un dígito (100 como máximo).</translation>
    </message>
    <message>
        <source>There is already a prompt named &apos;%1&apos;.</source>
        <translation>Ya existe un prompt llamado «%1».</translation>
    </message>
    <message>
        <source>Search prompts</source>
        <translation>Buscar prompts</translation>
    </message>
    <message>
        <source>Search prompts…</source>
        <translation>Buscar prompts…</translation>
    </message>
    <message>
        <source>Folders and tags</source>
        <translation>Carpetas y etiquetas</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <source>All prompts</source>
        <translation>Todos los prompts</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>Espacios de trabajo</translation>
    </message>
    <message>
        <source>My library</source>
        <translation>Mi biblioteca</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Carpetas</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>New prompt</source>
        <translation>Nuevo prompt</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>e.g. customer-reply</source>
        <translation>p. ej., respuesta-cliente</translation>
    </message>
    <message>
        <source>New name for &apos;%1&apos;:</source>
        <translation>Nuevo nombre para «%1»:</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Rename prompt</source>
        <translation>Cambiar nombre del prompt</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Se creó %1</translation>
    </message>
    <message>
        <source>Delete prompts</source>
        <translation>Eliminar prompts</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n prompt(s)? You can undo this.</source>
        <translation>
            <numerusform>¿Eliminar %n prompt? Puedes deshacerlo.</numerusform>
            <numerusform>¿Eliminar %n prompts? Puedes deshacerlo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n prompt(s). Undo with Ctrl+Z in the library.</source>
        <translation>
            <numerusform>Se eliminó %n prompt. Deshaz con Ctrl+Z en la biblioteca.</numerusform>
            <numerusform>Se eliminaron %n prompts. Deshaz con Ctrl+Z en la biblioteca.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no delete to undo.</source>
        <translation>No hay ninguna eliminación que deshacer.</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>Restaurado.</translation>
    </message>
    <message>
        <source>New prompt…</source>
        <translation>Nuevo prompt…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Cambiar nombre…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Deshacer eliminación</translation>
    </message>
</context>
<context>
    <name>LineageText</name>
    <message numerus="yes">
        <source>Forked from “%1” — %n release(s) behind</source>
        <translation>
            <numerusform>Bifurcación de «%1» — %n lanzamiento por detrás</numerusform>
            <numerusform>Bifurcación de «%1» — %n lanzamientos por detrás</numerusform>
        </translation>
    </message>
    <message>
        <source>Forked from “%1” — release %2, up to date</source>
        <translation>Bifurcación de «%1» — lanzamiento %2, al día</translation>
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
        <translation>Listo</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Open a prompt from the library, or press %1 to create one.</source>
        <translation>Abre un prompt de la biblioteca o pulsa %1 para crear uno.</translation>
    </message>
    <message>
        <source>Select one prompt to %1.</source>
        <translation>Selecciona un solo prompt para %1.</translation>
    </message>
    <message>
        <source>Open or select a prompt first.</source>
        <translation>Abre o selecciona primero un prompt.</translation>
    </message>
    <message>
        <source>rename</source>
        <translation>cambiarle el nombre</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is read-only: you are a viewer in its workspace.</source>
        <translation>«%1» es de solo lectura: eres lector en su espacio de trabajo.</translation>
    </message>
    <message>
        <source>Open a prompt first.</source>
        <translation>Abre primero un prompt.</translation>
    </message>
    <message numerus="yes">
        <source>Declared %n variable(s).</source>
        <translation>
            <numerusform>Se declaró %n variable.</numerusform>
            <numerusform>Se declararon %n variables.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every variable the template uses is declared.</source>
        <translation>Todas las variables que usa la plantilla están declaradas.</translation>
    </message>
    <message>
        <source>The new language applies when Promptdesk next starts.</source>
        <translation>El nuevo idioma se aplicará la próxima vez que se inicie Promptdesk.</translation>
    </message>
    <message>
        <source>%1 (label)</source>
        <translation>%1 (etiqueta)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ejecutar</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versiones</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Evaluaciones</translation>
    </message>
    <message>
        <source>Workbench</source>
        <translation>Área de trabajo</translation>
    </message>
    <message>
        <source>New prompt…</source>
        <translation>Nuevo prompt…</translation>
    </message>
    <message>
        <source>Duplicate prompt</source>
        <translation>Duplicar prompt</translation>
    </message>
    <message>
        <source>Rename prompt…</source>
        <translation>Cambiar nombre del prompt…</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <source>Delete prompt…</source>
        <translation>Eliminar prompt…</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Deshacer eliminación</translation>
    </message>
    <message>
        <source>Import prompts…</source>
        <translation>Importar prompts…</translation>
    </message>
    <message>
        <source>Export library…</source>
        <translation>Exportar biblioteca…</translation>
    </message>
    <message>
        <source>Close tab</source>
        <translation>Cerrar pestaña</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Cortar</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Pegar</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Seleccionar todo</translation>
    </message>
    <message>
        <source>Find in the template…</source>
        <translation>Buscar en la plantilla…</translation>
    </message>
    <message>
        <source>Replace in the template…</source>
        <translation>Reemplazar en la plantilla…</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Buscar en la biblioteca</translation>
    </message>
    <message>
        <source>Command palette…</source>
        <translation>Paleta de comandos…</translation>
    </message>
    <message>
        <source>Show Run</source>
        <translation>Mostrar «Ejecutar»</translation>
    </message>
    <message>
        <source>Show Compare</source>
        <translation>Mostrar «Comparar»</translation>
    </message>
    <message>
        <source>Show Versions</source>
        <translation>Mostrar versiones</translation>
    </message>
    <message>
        <source>Show History</source>
        <translation>Mostrar historial</translation>
    </message>
    <message>
        <source>Show Context</source>
        <translation>Mostrar contexto</translation>
    </message>
    <message>
        <source>Show Evaluations</source>
        <translation>Mostrar evaluaciones</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galería</translation>
    </message>
    <message>
        <source>Switch light and dark theme</source>
        <translation>Alternar entre tema claro y oscuro</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Run tests</source>
        <translation>Ejecutar pruebas</translation>
    </message>
    <message>
        <source>A/B test…</source>
        <translation>Prueba A/B…</translation>
    </message>
    <message>
        <source>Declare used variables</source>
        <translation>Declarar las variables usadas</translation>
    </message>
    <message>
        <source>Share to workspace…</source>
        <translation>Compartir en un espacio de trabajo…</translation>
    </message>
    <message>
        <source>Publish to the gallery…</source>
        <translation>Publicar en la galería…</translation>
    </message>
    <message>
        <source>Pull upstream…</source>
        <translation>Traer cambios del original…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Team and workspaces…</source>
        <translation>Equipo y espacios de trabajo…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>About Promptdesk</source>
        <translation>Acerca de Promptdesk</translation>
    </message>
    <message>
        <source>Commit version…</source>
        <translation>Confirmar versión…</translation>
    </message>
    <message>
        <source>New branch…</source>
        <translation>Nueva rama…</translation>
    </message>
    <message>
        <source>Switch branch…</source>
        <translation>Cambiar de rama…</translation>
    </message>
    <message>
        <source>Merge branch…</source>
        <translation>Fusionar rama…</translation>
    </message>
    <message>
        <source>Set label…</source>
        <translation>Establecer marca…</translation>
    </message>
    <message>
        <source>Add context folder…</source>
        <translation>Añadir carpeta de contexto…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Configuración…</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Abrir %1</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edición</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ver</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Herramientas</translation>
    </message>
    <message>
        <source>%1 — Promptdesk</source>
        <translation>%1 — Promptdesk</translation>
    </message>
    <message>
        <source>Open a prompt to run it.</source>
        <translation>Abre un prompt para ejecutarlo.</translation>
    </message>
    <message>
        <source>Select one prompt to share.</source>
        <translation>Selecciona un solo prompt para compartir.</translation>
    </message>
    <message>
        <source>Sign in to a team sync server first (Settings ▸ Team).</source>
        <translation>Inicia sesión primero en un servidor de sincronización de equipo (Configuración ▸ Equipo).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already in %2.</source>
        <translation>«%1» ya está en %2.</translation>
    </message>
    <message>
        <source>You have no workspace you can add prompts to: create one in Settings ▸ Team.</source>
        <translation>No tienes ningún espacio de trabajo al que puedas añadir prompts: crea uno en Configuración ▸ Equipo.</translation>
    </message>
    <message>
        <source>Shared &apos;%1&apos; to %2.</source>
        <translation>«%1» se compartió en %2.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Open a prompt to run its tests.</source>
        <translation>Abre un prompt para ejecutar sus pruebas.</translation>
    </message>
    <message>
        <source>Open a prompt to A/B test it.</source>
        <translation>Abre un prompt para hacerle una prueba A/B.</translation>
    </message>
    <message>
        <source>An evaluation is running: stop it or wait for it first.</source>
        <translation>Hay una evaluación en curso: detenla o espera primero a que termine.</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Totals</source>
        <translation>Totales</translation>
    </message>
    <message>
        <source>%1 of %2 results finished, %3 errors, %4 from the cache</source>
        <translation>%1 de %2 resultados terminados, %3 errores, %4 de la caché</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fallidas: %1</translation>
    </message>
    <message>
        <source>Click for the output and each assertion&apos;s reason.</source>
        <translation>Haz clic para ver la salida y el motivo de cada aserción.</translation>
    </message>
</context>
<context>
    <name>MembersDialog</name>
    <message>
        <source>Members of %1</source>
        <translation>Miembros de %1</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Se unió</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Quitar miembro</translation>
    </message>
    <message>
        <source>Email (optional: only they may join)</source>
        <translation>Correo electrónico (opcional: solo esa persona podrá unirse)</translation>
    </message>
    <message>
        <source>Create invitation</source>
        <translation>Crear invitación</translation>
    </message>
    <message>
        <source>The code appears here, once</source>
        <translation>El código aparece aquí, una sola vez</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Invite as</source>
        <translation>Invitar como</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Select a member first.</source>
        <translation>Selecciona primero un miembro.</translation>
    </message>
    <message>
        <source>Remove %1 from the workspace?</source>
        <translation>¿Quitar a %1 del espacio de trabajo?</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge %1 into %2</source>
        <translation>Fusionar %1 en %2</translation>
    </message>
    <message>
        <source>after the merge</source>
        <translation>tras la fusión</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionar</translation>
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <source>The built-in model</source>
        <translation>El modelo integrado</translation>
    </message>
    <message>
        <source>SmolLM2 135M Instruct runs on this computer, offline, with no key.</source>
        <translation>SmolLM2 135M Instruct se ejecuta en este equipo, sin conexión y sin clave.</translation>
    </message>
    <message>
        <source>Model preparation</source>
        <translation>Preparación del modelo</translation>
    </message>
    <message>
        <source>It is small: good for trying prompts and Promptdesk out, not for real work. For real work, add a model file (Settings › Models) or connect a provider such as OpenAI, Anthropic or a local Ollama (Settings › Providers).</source>
        <translation>Es pequeño: sirve para probar prompts y Promptdesk, no para trabajar de verdad. Para eso, añade un archivo de modelo (Configuración › Modelos) o conecta un proveedor como OpenAI, Anthropic o un Ollama local (Configuración › Proveedores).</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Loading models…</source>
        <translation>Cargando modelos…</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Locales</translation>
    </message>
    <message>
        <source>Built-in models are small: for trying things out</source>
        <translation>Los modelos integrados son pequeños: para hacer pruebas</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Remotos</translation>
    </message>
    <message>
        <source>Add a provider&apos;s API key to list its models</source>
        <translation>Añade la clave API de un proveedor para ver sus modelos</translation>
    </message>
    <message>
        <source>Add a model file…</source>
        <translation>Añadir un archivo de modelo…</translation>
    </message>
    <message>
        <source>A GGUF model file or folder on this computer, in Settings › Models</source>
        <translation>Un archivo o una carpeta de modelos GGUF de este equipo, en Configuración › Modelos</translation>
    </message>
    <message>
        <source>Connect a provider…</source>
        <translation>Conectar un proveedor…</translation>
    </message>
    <message>
        <source>An API key for a hosted provider, in Settings › Providers</source>
        <translation>Una clave API de un proveedor alojado, en Configuración › Proveedores</translation>
    </message>
    <message>
        <source>Models could not be listed</source>
        <translation>No se pudieron listar los modelos</translation>
    </message>
    <message>
        <source>%1 context</source>
        <translation>contexto de %1</translation>
    </message>
    <message>
        <source>instruct</source>
        <translation>instruct</translation>
    </message>
    <message>
        <source>base: continues text</source>
        <translation>base: continúa el texto</translation>
    </message>
    <message>
        <source>prepared on first run</source>
        <translation>se prepara en la primera ejecución</translation>
    </message>
    <message>
        <source>local server</source>
        <translation>servidor local</translation>
    </message>
    <message>
        <source>Instruct: follows instructions (it has a chat template)</source>
        <translation>Instruct: sigue instrucciones (tiene una plantilla de chat)</translation>
    </message>
    <message>
        <source>Base: continues the text it is given; it does not follow instructions</source>
        <translation>Base: continúa el texto que recibe; no sigue instrucciones</translation>
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation>Parámetros: %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Archivo: %1</translation>
    </message>
    <message numerus="yes">
        <source>Context: %n tokens</source>
        <translation>
            <numerusform>Contexto: %n token</numerusform>
            <numerusform>Contexto: %n tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>Quantization: %1</source>
        <translation>Cuantización: %1</translation>
    </message>
    <message>
        <source>Built in: small, for trying things out. For real work, add a model file or connect a provider.</source>
        <translation>Integrado: pequeño, para hacer pruebas. Para trabajar de verdad, añade un archivo de modelo o conecta un proveedor.</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Local models run on this computer, without a network. Add GGUF model files, or folders of them, to use them next to the built-in model.</source>
        <translation>Los modelos locales se ejecutan en este equipo, sin red. Añade archivos de modelo GGUF, o carpetas que los contengan, para usarlos junto al modelo integrado.</translation>
    </message>
    <message>
        <source>Added model files and folders</source>
        <translation>Archivos y carpetas de modelos añadidos</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>Añadir archivo…</translation>
    </message>
    <message>
        <source>Add a .gguf model file</source>
        <translation>Añadir un archivo de modelo .gguf</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <source>Add every .gguf file in a folder</source>
        <translation>Añadir todos los archivos .gguf de una carpeta</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Forget this file or folder; nothing is deleted</source>
        <translation>Olvidar este archivo o carpeta; no se elimina nada</translation>
    </message>
    <message>
        <source>Model files and folders</source>
        <translation>Archivos y carpetas de modelos</translation>
    </message>
    <message>
        <source>Add a model file</source>
        <translation>Añadir un archivo de modelo</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modelos GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>Add a folder of models</source>
        <translation>Añadir una carpeta de modelos</translation>
    </message>
    <message>
        <source>No model files added yet; the built-in model is used.</source>
        <translation>Aún no se han añadido archivos de modelo; se usa el modelo integrado.</translation>
    </message>
    <message>
        <source>Cannot be read: %1</source>
        <translation>No se puede leer: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n modelo</numerusform>
            <numerusform>%n modelos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>Use %1</source>
        <translation>Usar %1</translation>
    </message>
</context>
<context>
    <name>OutputPane</name>
    <message>
        <source>Run error</source>
        <translation>Error de ejecución</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Sin formato</translation>
    </message>
    <message>
        <source>Show the answer rendered as Markdown</source>
        <translation>Mostrar la respuesta renderizada como Markdown</translation>
    </message>
    <message>
        <source>Show the answer exactly as the model wrote it</source>
        <translation>Mostrar la respuesta tal como la escribió el modelo</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the answer</source>
        <translation>Copiar la respuesta</translation>
    </message>
    <message>
        <source>Copy the answer as plain text</source>
        <translation>Copiar la respuesta como texto sin formato</translation>
    </message>
</context>
<context>
    <name>PageWords</name>
    <message numerus="yes">
        <source>%n fork(s)</source>
        <translation>
            <numerusform>%n bifurcación</numerusform>
            <numerusform>%n bifurcaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n use(s)</source>
        <translation>
            <numerusform>%n uso</numerusform>
            <numerusform>%n usos</numerusform>
        </translation>
    </message>
    <message>
        <source>with</source>
        <translation>con</translation>
    </message>
    <message>
        <source>one of</source>
        <translation>uno de</translation>
    </message>
</context>
<context>
    <name>ParamsButton</name>
    <message>
        <source>Run parameters</source>
        <translation>Parámetros de ejecución</translation>
    </message>
    <message>
        <source>Temperature, top-p, max tokens and seed for the next run</source>
        <translation>Temperatura, top-p, máx. tokens y semilla para la próxima ejecución</translation>
    </message>
</context>
<context>
    <name>ParamsPanel</name>
    <message>
        <source>Temperature</source>
        <translation>Temperatura</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>Máx. tokens</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <source>Unticked: the prompt&apos;s setting, else %1 for local models (remote providers apply their own limit)</source>
        <translation>Sin marcar: el ajuste del prompt o, si no lo hay, %1 para los modelos locales (los proveedores remotos aplican su propio límite)</translation>
    </message>
    <message>
        <source>Override %1</source>
        <translation>Sobrescribir %1</translation>
    </message>
    <message>
        <source>Unticked: the prompt&apos;s setting, else the model&apos;s default</source>
        <translation>Sin marcar: el ajuste del prompt o, si no lo hay, el predeterminado del modelo</translation>
    </message>
    <message>
        <source>Default parameters</source>
        <translation>Parámetros predeterminados</translation>
    </message>
</context>
<context>
    <name>PeersBar</name>
    <message>
        <source>%1 is editing</source>
        <translation>%1 está editando</translation>
    </message>
</context>
<context>
    <name>PromptFields</name>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>A short, human title</source>
        <translation>Un título breve y legible</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>What the prompt is for, and how to use it</source>
        <translation>Para qué sirve el prompt y cómo usarlo</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. email, sales</source>
        <translation>Separadas por comas, p. ej., correo, ventas</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>e.g. Marketing/Emails</source>
        <translation>p. ej., Marketing/Correos</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>e.g. Retail</source>
        <translation>p. ej., Comercio minorista</translation>
    </message>
    <message>
        <source>Use case</source>
        <translation>Caso de uso</translation>
    </message>
    <message>
        <source>e.g. Customer support replies</source>
        <translation>p. ej., Respuestas de atención al cliente</translation>
    </message>
    <message>
        <source>Complexity</source>
        <translation>Complejidad</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Sin definir</translation>
    </message>
    <message>
        <source>Beginner</source>
        <translation>Principiante</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>Intermedio</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Descripción</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>&amp;Etiquetas</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>C&amp;arpeta</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>&amp;Sector</translation>
    </message>
    <message>
        <source>&amp;Use case</source>
        <translation>Caso de &amp;uso</translation>
    </message>
    <message>
        <source>&amp;Complexity</source>
        <translation>C&amp;omplejidad</translation>
    </message>
</context>
<context>
    <name>PromptList</name>
    <message>
        <source>local changes not yet synced</source>
        <translation>cambios locales aún sin sincronizar</translation>
    </message>
    <message>
        <source>synced</source>
        <translation>sincronizado</translation>
    </message>
    <message>
        <source>In %1 (%2) — %3</source>
        <translation>En %1 (%2) — %3</translation>
    </message>
</context>
<context>
    <name>PromptPreview</name>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Token count</source>
        <translation>Recuento de tokens</translation>
    </message>
    <message>
        <source>Render error</source>
        <translation>Error de renderizado</translation>
    </message>
    <message>
        <source>The rendered prompt appears here</source>
        <translation>Aquí aparece el prompt renderizado</translation>
    </message>
    <message>
        <source>Rendered prompt</source>
        <translation>Prompt renderizado</translation>
    </message>
    <message>
        <source>The rendered prompt is empty</source>
        <translation>El prompt renderizado está vacío</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) (exact)</source>
        <translation>
            <numerusform>%n token (exacto)</numerusform>
            <numerusform>%n tokens (exacto)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) (estimate)</source>
        <translation>
            <numerusform>%n token (estimado)</numerusform>
            <numerusform>%n tokens (estimado)</numerusform>
        </translation>
    </message>
    <message>
        <source>Counted by %1</source>
        <translation>Contado por %1</translation>
    </message>
    <message>
        <source>A run&apos;s own count also includes the model&apos;s chat template.</source>
        <translation>El recuento de cada ejecución incluye además la plantilla de chat del modelo.</translation>
    </message>
    <message>
        <source>The prompt cannot be rendered</source>
        <translation>No se puede renderizar el prompt</translation>
    </message>
    <message>
        <source>Shown once the problem above is fixed</source>
        <translation>Se mostrará cuando se corrija el problema anterior</translation>
    </message>
</context>
<context>
    <name>PromptTab</name>
    <message>
        <source>Prompt body</source>
        <translation>Cuerpo del prompt</translation>
    </message>
    <message>
        <source>Write the prompt. Use {{ name }} for a variable&apos;s value and {% if name %}…{% endif %} for logic. Ctrl+F finds, Ctrl+H replaces.</source>
        <translation>Escribe el prompt. Usa {{ name }} para el valor de una variable y {% if name %}…{% endif %} para la lógica. Ctrl+F busca, Ctrl+H reemplaza.</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Prompt del sistema</translation>
    </message>
    <message>
        <source>Optional instructions sent as the system message, e.g. the role to play.</source>
        <translation>Instrucciones opcionales que se envían como mensaje del sistema, p. ej., el papel que debe asumir.</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Cuerpo</translation>
    </message>
    <message>
        <source>The user message (Ctrl+F find, Ctrl+H replace)</source>
        <translation>El mensaje del usuario (Ctrl+F buscar, Ctrl+H reemplazar)</translation>
    </message>
    <message>
        <source>The system message (Ctrl+F find, Ctrl+H replace)</source>
        <translation>El mensaje del sistema (Ctrl+F buscar, Ctrl+H reemplazar)</translation>
    </message>
    <message>
        <source>Template problems</source>
        <translation>Problemas de la plantilla</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>Declare the used variables</source>
        <translation>Declarar las variables usadas</translation>
    </message>
    <message>
        <source>Declare every variable the template uses, with a type guessed from its name</source>
        <translation>Declarar todas las variables que usa la plantilla, con un tipo deducido de su nombre</translation>
    </message>
    <message>
        <source>Declare variables: type, default, bounds</source>
        <translation>Declarar variables: tipo, valor predeterminado, límites</translation>
    </message>
    <message>
        <source>Title, description, tags, folder and catalogue fields</source>
        <translation>Título, descripción, etiquetas, carpeta y campos de catálogo</translation>
    </message>
    <message>
        <source>Test cases: values to run the prompt with and what the answer must satisfy</source>
        <translation>Casos de prueba: valores con los que ejecutar el prompt y lo que debe cumplir la respuesta</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valores</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Estado de guardado</translation>
    </message>
    <message>
        <source>Branch being edited</source>
        <translation>Rama en edición</translation>
    </message>
    <message>
        <source>The branch whose working copy you are editing</source>
        <translation>La rama cuya copia de trabajo estás editando</translation>
    </message>
    <message>
        <source>Tests</source>
        <translation>Pruebas</translation>
    </message>
    <message>
        <source>Tests (%1)</source>
        <translation>Pruebas (%1)</translation>
    </message>
    <message>
        <source>Ctrl+F find · Ctrl+H replace · Ctrl+Z undo</source>
        <translation>Ctrl+F buscar · Ctrl+H reemplazar · Ctrl+Z deshacer</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Todos los cambios guardados</translation>
    </message>
    <message>
        <source>⎇ %1</source>
        <translation>⎇ %1</translation>
    </message>
    <message>
        <source>Could not open &apos;%1&apos;: %2</source>
        <translation>No se pudo abrir «%1»: %2</translation>
    </message>
    <message>
        <source>You are now a viewer of this prompt: what you typed is kept in your library as &apos;%1&apos;.</source>
        <translation>Ahora eres lector de este prompt: lo que escribiste se conserva en tu biblioteca como «%1».</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Editando…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is now on branch %2.</source>
        <translation>«%1» está ahora en la rama %2.</translation>
    </message>
    <message>
        <source>What you typed on the previous branch could not be saved: %1</source>
        <translation>Lo que escribiste en la rama anterior no se pudo guardar: %1</translation>
    </message>
    <message>
        <source>Not saved: %1. Your text is kept here; the next edit tries again.</source>
        <translation>No guardado: %1. Tu texto se conserva aquí; se volverá a intentar con la próxima edición.</translation>
    </message>
    <message>
        <source>This prompt was deleted elsewhere. Its text stays here, read-only, until you close the tab: copy what you need.</source>
        <translation>Este prompt se eliminó en otro lugar. Su texto se queda aquí, de solo lectura, hasta que cierres la pestaña: copia lo que necesites.</translation>
    </message>
    <message numerus="yes">
        <source>Declare %n variable(s)</source>
        <translation>
            <numerusform>Declarar %n variable</numerusform>
            <numerusform>Declarar %n variables</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProtectionPage</name>
    <message>
        <source>Protect your library</source>
        <translation>Protege tu biblioteca</translation>
    </message>
    <message>
        <source>Everything is encrypted; choose where its key is kept.</source>
        <translation>Todo se cifra; elige dónde se guarda la clave.</translation>
    </message>
    <message>
        <source>In the system keychain (recommended)</source>
        <translation>En el llavero del sistema (recomendado)</translation>
    </message>
    <message>
        <source>With a passphrase I type when I start</source>
        <translation>Con una frase de contraseña que escribo al iniciar</translation>
    </message>
    <message>
        <source>No keychain is available on this system.</source>
        <translation>No hay ningún llavero disponible en este sistema.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Repetir la frase de contraseña</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <source>No system keychain answers on this computer, so a passphrase protects the library.</source>
        <translation>Ningún llavero del sistema responde en este equipo, así que una frase de contraseña protege la biblioteca.</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>Al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>ProvidersPage</name>
    <message>
        <source>Providers</source>
        <translation>Proveedores</translation>
    </message>
    <message>
        <source>API keys for remote models. Keys are kept in your system keychain, or encrypted in your store where there is none, and are never shown again.</source>
        <translation>Claves API para modelos remotos. Las claves se guardan en el llavero del sistema o, si no lo hay, cifradas en tu almacén, y no se vuelven a mostrar.</translation>
    </message>
    <message>
        <source>Runs on your computer; no key needed</source>
        <translation>Se ejecuta en tu equipo; no necesita clave</translation>
    </message>
    <message>
        <source>API key for %1</source>
        <translation>Clave API de %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save the key for %1</source>
        <translation>Guardar la clave de %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the key for %1</source>
        <translation>Quitar la clave de %1</translation>
    </message>
    <message>
        <source>Paste a key first; nothing was stored.</source>
        <translation>Pega primero una clave; no se guardó nada.</translation>
    </message>
    <message>
        <source>Remove API key</source>
        <translation>Quitar clave API</translation>
    </message>
    <message>
        <source>Remove the %1 API key from this computer?</source>
        <translation>¿Quitar la clave API de %1 de este equipo?</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>Sin clave</translation>
    </message>
    <message>
        <source>No key (optional)</source>
        <translation>Sin clave (opcional)</translation>
    </message>
    <message>
        <source>Key stored in the system keychain</source>
        <translation>Clave guardada en el llavero del sistema</translation>
    </message>
    <message>
        <source>Key stored in the encrypted store</source>
        <translation>Clave guardada en el almacén cifrado</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardada el %1</translation>
    </message>
    <message>
        <source>Paste a new key to replace it</source>
        <translation>Pega una clave nueva para reemplazarla</translation>
    </message>
    <message>
        <source>Paste an API key</source>
        <translation>Pega una clave API</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Reemplazar</translation>
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
        <translation>Principiante</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>Intermedio</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>Publish “%1” to the gallery</source>
        <translation>Publicar «%1» en la galería</translation>
    </message>
    <message>
        <source>A new entry (reviewed before it is public)</source>
        <translation>Una entrada nueva (se revisa antes de hacerse pública)</translation>
    </message>
    <message>
        <source>A new release of “%1”</source>
        <translation>Un nuevo lanzamiento de «%1»</translation>
    </message>
    <message>
        <source>Include the test run&apos;s answers as example outputs</source>
        <translation>Incluir las respuestas de la ejecución de prueba como ejemplos de salida</translation>
    </message>
    <message>
        <source>Publish as</source>
        <translation>Publicar como</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Use case</source>
        <translation>Caso de uso</translation>
    </message>
    <message>
        <source>Complexity</source>
        <translation>Complejidad</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Tested on</source>
        <translation>Probado en</translation>
    </message>
    <message>
        <source>Run tests and publish</source>
        <translation>Ejecutar pruebas y publicar</translation>
    </message>
    <message>
        <source>Test cases that go with it</source>
        <translation>Casos de prueba incluidos</translation>
    </message>
    <message>
        <source>Tick at least one test case: the gallery shows how a template is tested.</source>
        <translation>Marca al menos un caso de prueba: la galería muestra cómo se prueba una plantilla.</translation>
    </message>
    <message>
        <source>Running the test cases, then publishing…</source>
        <translation>Ejecutando los casos de prueba y, después, publicando…</translation>
    </message>
</context>
<context>
    <name>PullDialog</name>
    <message>
        <source>Pull release %1 of “%2” into %3</source>
        <translation>Traer el lanzamiento %1 de «%2» a %3</translation>
    </message>
    <message>
        <source>release %1</source>
        <translation>lanzamiento %1</translation>
    </message>
    <message>
        <source>Upstream&apos;s changes since your fork&apos;s base. Merging keeps your own edits; where both changed the same words, both are kept for you to choose.</source>
        <translation>Cambios del original desde la base de tu bifurcación. Al fusionar se conservan tus propios cambios; donde ambos cambiaron las mismas palabras, se conservan las dos versiones para que elijas.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionar</translation>
    </message>
</context>
<context>
    <name>RecoveryForm</name>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>Keep the key in the system keychain</source>
        <translation>Guardar la clave en el llavero del sistema</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Repetir la nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Enter the recovery key you saved when the library was created, and choose a new passphrase.</source>
        <translation>Introduce la clave de recuperación que guardaste al crear la biblioteca y elige una nueva frase de contraseña.</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <source>Enter the recovery key.</source>
        <translation>Introduce la clave de recuperación.</translation>
    </message>
    <message>
        <source>The new passphrase needs at least %1 characters.</source>
        <translation>La nueva frase de contraseña debe tener al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Your recovery key</source>
        <translation>Tu clave de recuperación</translation>
    </message>
    <message>
        <source>If the passphrase is forgotten or the keychain is lost, this key is the only way back into your library. It is shown once: save it somewhere safe.</source>
        <translation>Si olvidas la frase de contraseña o pierdes el llavero, esta clave es la única forma de volver a entrar en tu biblioteca. Solo se muestra una vez: guárdala en un lugar seguro.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>I have saved my recovery key somewhere safe</source>
        <translation>He guardado mi clave de recuperación en un lugar seguro</translation>
    </message>
    <message>
        <source>Creating your encrypted library…</source>
        <translation>Creando tu biblioteca cifrada…</translation>
    </message>
</context>
<context>
    <name>RunComparisonView</name>
    <message>
        <source>Version of the run before</source>
        <translation>Versión de la ejecución anterior</translation>
    </message>
    <message>
        <source>Version of the run after</source>
        <translation>Versión de la ejecución posterior</translation>
    </message>
    <message>
        <source>Cases compared</source>
        <translation>Casos comparados</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>What moved</source>
        <translation>Qué cambió</translation>
    </message>
    <message>
        <source>Pick a run, then Compare with… another run of the same prompt to see what changed.</source>
        <translation>Elige una ejecución y luego usa «Comparar con…» con otra ejecución del mismo prompt para ver qué cambió.</translation>
    </message>
    <message>
        <source>Run of %1 (before) → run of %2 (after)</source>
        <translation>Ejecución de %1 (antes) → ejecución de %2 (después)</translation>
    </message>
    <message>
        <source>Regressions: %1</source>
        <translation>Regresiones: %1</translation>
    </message>
    <message>
        <source>Fixes: %1</source>
        <translation>Corregidos: %1</translation>
    </message>
    <message>
        <source>Score changes: %1</source>
        <translation>Cambios de puntuación: %1</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Nuevos: %1</translation>
    </message>
    <message>
        <source>Removed: %1</source>
        <translation>Quitados: %1</translation>
    </message>
    <message>
        <source>Unchanged: %1</source>
        <translation>Sin cambios: %1</translation>
    </message>
    <message>
        <source>Pass rate %1 → %2</source>
        <translation>Tasa de superación %1 → %2</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>regresión</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>corregido</translation>
    </message>
    <message>
        <source>score changed</source>
        <translation>puntuación cambiada</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>quitado</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>sin cambios</translation>
    </message>
    <message>
        <source>now failing: %1</source>
        <translation>ahora fallan: %1</translation>
    </message>
    <message>
        <source>now passing: %1</source>
        <translation>ahora se superan: %1</translation>
    </message>
    <message>
        <source>score %1 → %2</source>
        <translation>puntuación %1 → %2</translation>
    </message>
</context>
<context>
    <name>RunDetail</name>
    <message>
        <source>Re-run</source>
        <translation>Volver a ejecutar</translation>
    </message>
    <message>
        <source>Re-run this prompt</source>
        <translation>Volver a ejecutar este prompt</translation>
    </message>
    <message>
        <source>Run the same prompt, model and variables again</source>
        <translation>Ejecutar de nuevo el mismo prompt con el mismo modelo y las mismas variables</translation>
    </message>
    <message>
        <source>Run details</source>
        <translation>Detalles de la ejecución</translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation>No hay ninguna ejecución seleccionada</translation>
    </message>
    <message>
        <source>Select a run to see its messages, context and output.</source>
        <translation>Selecciona una ejecución para ver sus mensajes, contexto y salida.</translation>
    </message>
    <message>
        <source>Unsaved prompt</source>
        <translation>Prompt sin guardar</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Context used</source>
        <translation>Contexto usado</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>%1 in / %2 out</source>
        <translation>%1 de entrada / %2 de salida</translation>
    </message>
    <message>
        <source>First token</source>
        <translation>Primer token</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 tokens/s</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Finish reason</source>
        <translation>Motivo de finalización</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>Run id</source>
        <translation>ID de ejecución</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Correcta</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Asistente</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posición</translation>
    </message>
    <message>
        <source>File hash</source>
        <translation>Hash del archivo</translation>
    </message>
    <message>
        <source>(cut to fit)</source>
        <translation>(recortado)</translation>
    </message>
</context>
<context>
    <name>RunMetrics</name>
    <message>
        <source>Run status</source>
        <translation>Estado de la ejecución</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>Tiempo hasta el primer token</translation>
    </message>
    <message>
        <source>Tokens per second</source>
        <translation>Tokens por segundo</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Tokens de entrada</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Tokens de salida</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>First token: %1</source>
        <translation>Primer token: %1</translation>
    </message>
    <message>
        <source>Speed: %1</source>
        <translation>Velocidad: %1</translation>
    </message>
    <message>
        <source>Tokens in: %1</source>
        <translation>Tokens de entrada: %1</translation>
    </message>
    <message>
        <source>Tokens out: %1</source>
        <translation>Tokens de salida: %1</translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation>Coste: %1</translation>
    </message>
    <message>
        <source>Waiting for the model…</source>
        <translation>Esperando al modelo…</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>En ejecución…</translation>
    </message>
    <message>
        <source>Speed: ≈%1 tokens/s</source>
        <translation>Velocidad: ≈%1 tokens/s</translation>
    </message>
    <message numerus="yes">
        <source>Tokens out: ≈%n</source>
        <translation>
            <numerusform>Tokens de salida: ≈%n</numerusform>
            <numerusform>Tokens de salida: ≈%n</numerusform>
        </translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finalizada</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenida</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>%1 in %2 s</source>
        <translation>%1 en %2 s</translation>
    </message>
    <message>
        <source>Speed: %1 tokens/s</source>
        <translation>Velocidad: %1 tokens/s</translation>
    </message>
    <message numerus="yes">
        <source>Tokens in: %n</source>
        <translation>
            <numerusform>Tokens de entrada: %n</numerusform>
            <numerusform>Tokens de entrada: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tokens out: %n</source>
        <translation>
            <numerusform>Tokens de salida: %n</numerusform>
            <numerusform>Tokens de salida: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Cost: $%1</source>
        <translation>Coste: $%1</translation>
    </message>
    <message>
        <source>First token: %1 ms</source>
        <translation>Primer token: %1 ms</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>Run</source>
        <translation>Ejecutar</translation>
    </message>
    <message>
        <source>Run the prompt</source>
        <translation>Ejecutar el prompt</translation>
    </message>
    <message>
        <source>Run the prompt (%1)</source>
        <translation>Ejecutar el prompt (%1)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop the run</source>
        <translation>Detener la ejecución</translation>
    </message>
    <message>
        <source>Stop the run (%1)</source>
        <translation>Detener la ejecución (%1)</translation>
    </message>
</context>
<context>
    <name>RunTableModel</name>
    <message>
        <source>Succeeded</source>
        <translation>Correcta</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Tokens de entrada</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Tokens de salida</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>Tokens/s</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>(unsaved)</source>
        <translation>(sin guardar)</translation>
    </message>
</context>
<context>
    <name>RunView</name>
    <message>
        <source>the runner gave no reason</source>
        <translation>el ejecutor no indicó ningún motivo</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>La ejecución falló: %1</translation>
    </message>
    <message>
        <source>The prompt could not be run: %1</source>
        <translation>No se pudo ejecutar el prompt: %1</translation>
    </message>
    <message>
        <source>Fix the prompt or give the missing values, then run again.</source>
        <translation>Corrige el prompt o indica los valores que faltan y vuelve a ejecutarlo.</translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message>
        <source>Running</source>
        <translation>En ejecución</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finalizada</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenida</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Versions × models</source>
        <translation>Versiones × modelos</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Superados</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Repeats of each case: %1</source>
        <translation>Repeticiones de cada caso: %1</translation>
    </message>
</context>
<context>
    <name>SettingEditors</name>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Lock when idle for</source>
        <translation>Bloquear tras una inactividad de</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>Hilos de CPU</translation>
    </message>
    <message>
        <source>Embedding model</source>
        <translation>Modelo de embeddings</translation>
    </message>
    <message>
        <source>Chunk size</source>
        <translation>Tamaño de fragmento</translation>
    </message>
    <message>
        <source>Chunk overlap</source>
        <translation>Solapamiento de fragmentos</translation>
    </message>
    <message>
        <source>Largest file</source>
        <translation>Tamaño máximo de archivo</translation>
    </message>
    <message>
        <source>Wait after changes</source>
        <translation>Espera tras los cambios</translation>
    </message>
    <message>
        <source>Polling interval</source>
        <translation>Intervalo de sondeo</translation>
    </message>
    <message>
        <source>Approximate search from</source>
        <translation>Búsqueda aproximada desde</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Automatic (one per core)</source>
        <translation>Automático (uno por núcleo)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> tokens</translation>
    </message>
    <message>
        <source> chunks</source>
        <translation> fragmentos</translation>
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
        <translation>Configuración</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Proveedores</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Páginas de configuración</translation>
    </message>
    <message>
        <source>Data location</source>
        <translation>Ubicación de los datos</translation>
    </message>
    <message>
        <source>Where your encrypted store is kept</source>
        <translation>Dónde se guarda tu almacén cifrado</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>Abrir la carpeta de datos</translation>
    </message>
    <message>
        <source>Data location:</source>
        <translation>Ubicación de los datos:</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Bloquear ahora</translation>
    </message>
    <message>
        <source>Lock the store now</source>
        <translation>Bloquear el almacén ahora</translation>
    </message>
    <message>
        <source>Locking closes your store; it takes your passphrase or keychain to open it again. Unsaved changes in this window are discarded.</source>
        <translation>Al bloquear se cierra tu almacén; para volver a abrirlo hará falta tu frase de contraseña o el llavero. Los cambios sin guardar de esta ventana se descartan.</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Seguridad</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share to workspace</source>
        <translation>Compartir en un espacio de trabajo</translation>
    </message>
    <message>
        <source>Move &apos;%1&apos; into a team workspace. Its history goes with it; everyone in the workspace can open it, and editors can change it.</source>
        <translation>Mueve «%1» a un espacio de trabajo de equipo. Su historial lo acompaña; todos los miembros del espacio de trabajo pueden abrirlo y los editores pueden modificarlo.</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Compartir</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Find in the template</source>
        <translation>Buscar en la plantilla</translation>
    </message>
    <message>
        <source>Replace in the template</source>
        <translation>Reemplazar en la plantilla</translation>
    </message>
    <message>
        <source>Undo your typing</source>
        <translation>Deshacer lo escrito</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Stop a run</source>
        <translation>Detener una ejecución</translation>
    </message>
    <message>
        <source>Undo a delete (in the library)</source>
        <translation>Deshacer una eliminación (en la biblioteca)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>Filtrar…</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Editor and panels</source>
        <translation>Editor y paneles</translation>
    </message>
</context>
<context>
    <name>SourcesPanel</name>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation>Fragmentos</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Context sources</source>
        <translation>Fuentes de contexto</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Reindex</source>
        <translation>Reindexar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Loading the context index…</source>
        <translation>Cargando el índice de contexto…</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>Progreso de la indexación</translation>
    </message>
    <message>
        <source>done</source>
        <translation>listo</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n fuente</numerusform>
            <numerusform>%n fuentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s) to search</source>
        <translation>
            <numerusform>%n pasaje donde buscar</numerusform>
            <numerusform>%n pasajes donde buscar</numerusform>
        </translation>
    </message>
    <message>
        <source>Vector search: %1</source>
        <translation>Búsqueda vectorial: %1</translation>
    </message>
    <message>
        <source>The context index is still loading; try again shortly.</source>
        <translation>El índice de contexto aún se está cargando; inténtalo de nuevo en un momento.</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>Promptdesk needs SQLCipher 4, but this installation provides {version}.</source>
        <translation>Promptdesk necesita SQLCipher 4, pero esta instalación ofrece {version}.</translation>
    </message>
    <message>
        <source>Reinstall Promptdesk.</source>
        <translation>Reinstale Promptdesk.</translation>
    </message>
    <message>
        <source>{database} is not a Promptdesk store: {what}.</source>
        <translation>{database} no es un almacén de Promptdesk: {what}.</translation>
    </message>
    <message>
        <source>Move that file out of the way, or set PROMPTDESK_HOME to the folder that holds your store. The file was not changed.</source>
        <translation>Aparte ese archivo, o apunte PROMPTDESK_HOME a la carpeta que contiene su almacén. El archivo no se modificó.</translation>
    </message>
    <message>
        <source>That is not a valid recovery key ({reason}).</source>
        <translation>Esa no es una clave de recuperación válida ({reason}).</translation>
    </message>
    <message>
        <source>A recovery key is 56 letters and digits in groups of eight, as shown when the library was created. Check it for typos.</source>
        <translation>Una clave de recuperación tiene 56 letras y cifras en grupos de ocho, tal como se mostró al crear la biblioteca. Compruebe que no tenga erratas.</translation>
    </message>
    <message>
        <source>The key file {key_file} cannot be read ({reason}).</source>
        <translation>No se puede leer el archivo de clave {key_file} ({reason}).</translation>
    </message>
    <message>
        <source>Choose &quot;Use recovery key…&quot; and enter the recovery key you saved. The database was not changed.</source>
        <translation>Elija «Usar la clave de recuperación…» e introduzca la clave de recuperación que guardó. La base de datos no se modificó.</translation>
    </message>
    <message>
        <source>The store {database} exists but its key file {key_file} is missing.</source>
        <translation>El almacén {database} existe, pero falta su archivo de clave {key_file}.</translation>
    </message>
    <message>
        <source>This store is protected by {mode}; {action} does not apply to it.</source>
        <translation>Este almacén está protegido con {mode}; {action} no se aplica a él.</translation>
    </message>
    <message>
        <source>Settings → Security shows how the library is protected.</source>
        <translation>Configuración → Seguridad muestra cómo está protegida la biblioteca.</translation>
    </message>
    <message>
        <source>The key for this store is not in the OS keychain (service {service!r}, account {account!r}).</source>
        <translation>La clave de este almacén no está en el llavero del sistema (servicio {service!r}, cuenta {account!r}).</translation>
    </message>
    <message>
        <source>The OS keychain did not answer within {seconds:g} seconds.</source>
        <translation>El llavero del sistema no respondió en {seconds:g} segundos.</translation>
    </message>
    <message>
        <source>It may be locked and waiting for a password in another window. Unlock it and try again.</source>
        <translation>Puede que esté bloqueado y esperando una contraseña en otra ventana. Desbloquéelo e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The OS keychain is not available ({reason}).</source>
        <translation>El llavero del sistema no está disponible ({reason}).</translation>
    </message>
    <message>
        <source>Unlock or start your keychain and try again, or choose &quot;Use recovery key…&quot; to open the library with your recovery key.</source>
        <translation>Desbloquee o inicie su llavero e inténtelo de nuevo, o elija «Usar la clave de recuperación…» para abrir la biblioteca con su clave de recuperación.</translation>
    </message>
    <message>
        <source>Migration {migration} differs from the one that was applied to this store.</source>
        <translation>La migración {migration} difiere de la que se aplicó a este almacén.</translation>
    </message>
    <message>
        <source>Released migrations must never be edited; add a new migration instead. The store was not changed.</source>
        <translation>Las migraciones publicadas nunca deben modificarse; añada una nueva en su lugar. El almacén no se modificó.</translation>
    </message>
    <message>
        <source>No new passphrase was given.</source>
        <translation>No se indicó ninguna frase de contraseña nueva.</translation>
    </message>
    <message>
        <source>Type it twice.</source>
        <translation>Escríbala dos veces.</translation>
    </message>
    <message>
        <source>The store {database} was written with SQLCipher 3, an older encryption format that this version of Promptdesk does not open directly.</source>
        <translation>El almacén {database} se escribió con SQLCipher 3, un formato de cifrado más antiguo que esta versión de Promptdesk no abre directamente.</translation>
    </message>
    <message>
        <source>Convert it in a terminal with `promptdesk store upgrade` (a copy of the old file is kept). The file was not changed.</source>
        <translation>Conviértalo en un terminal con `promptdesk store upgrade` (se conserva una copia del archivo antiguo). El archivo no se modificó.</translation>
    </message>
    <message>
        <source>This store is locked with a passphrase, and none was given.</source>
        <translation>Este almacén está bloqueado con una frase de contraseña y no se indicó ninguna.</translation>
    </message>
    <message>
        <source>Type it to unlock.</source>
        <translation>Escríbala para desbloquear.</translation>
    </message>
    <message>
        <source>That recovery key belongs to a different store.</source>
        <translation>Esa clave de recuperación pertenece a otro almacén.</translation>
    </message>
    <message>
        <source>Use the recovery key that was exported from this store. Nothing was changed.</source>
        <translation>Use la clave de recuperación que se exportó de este almacén. No se modificó nada.</translation>
    </message>
    <message>
        <source>This store was written by a newer Promptdesk: it has migration {migration}, which this version does not know.</source>
        <translation>Este almacén lo escribió un Promptdesk más reciente: tiene la migración {migration}, que esta versión no conoce.</translation>
    </message>
    <message>
        <source>Update Promptdesk. The store was not changed.</source>
        <translation>Actualice Promptdesk. El almacén no se modificó.</translation>
    </message>
    <message>
        <source>A Promptdesk store already exists in {data_dir}.</source>
        <translation>Ya existe un almacén de Promptdesk en {data_dir}.</translation>
    </message>
    <message>
        <source>Nothing was changed: open it, or choose another data folder.</source>
        <translation>No se modificó nada: ábralo o elija otra carpeta de datos.</translation>
    </message>
    <message>
        <source>The store {database} is busy: another program holds it ({detail}).</source>
        <translation>El almacén {database} está ocupado: otro programa lo tiene abierto ({detail}).</translation>
    </message>
    <message>
        <source>Close other Promptdesk windows or commands using this store and try again. Nothing was changed.</source>
        <translation>Cierre otras ventanas u órdenes de Promptdesk que usen este almacén e inténtelo de nuevo. No se modificó nada.</translation>
    </message>
    <message>
        <source>The library is locked.</source>
        <translation>La biblioteca está bloqueada.</translation>
    </message>
    <message>
        <source>Unlock it to go on; nothing was changed.</source>
        <translation>Desbloquéela para continuar; no se modificó nada.</translation>
    </message>
    <message>
        <source>The store file {database} is damaged or was changed outside Promptdesk ({detail}).</source>
        <translation>El archivo del almacén {database} está dañado o se modificó fuera de Promptdesk ({detail}).</translation>
    </message>
    <message>
        <source>Restore it from a backup. Promptdesk has not changed it.</source>
        <translation>Restáurelo desde una copia de seguridad. Promptdesk no lo ha modificado.</translation>
    </message>
    <message>
        <source>The Promptdesk store could not be used.</source>
        <translation>No se pudo usar el almacén de Promptdesk.</translation>
    </message>
    <message>
        <source>There is no Promptdesk store in {data_dir}.</source>
        <translation>No hay ningún almacén de Promptdesk en {data_dir}.</translation>
    </message>
    <message>
        <source>Start Promptdesk without PROMPTDESK_HOME set to create a new library.</source>
        <translation>Inicie Promptdesk sin PROMPTDESK_HOME para crear una biblioteca nueva.</translation>
    </message>
    <message>
        <source>The store file {database} is damaged: it is shorter than it should be.</source>
        <translation>El archivo del almacén {database} está dañado: es más corto de lo que debería.</translation>
    </message>
    <message>
        <source>The file was cut off (a full disk, an interrupted copy or sync tool). Restore it from a backup. Promptdesk has not changed it.</source>
        <translation>El archivo quedó cortado (un disco lleno, una copia interrumpida o una herramienta de sincronización). Restáurelo desde una copia de seguridad. Promptdesk no lo ha modificado.</translation>
    </message>
    <message>
        <source>The store {database} cannot be written ({detail}).</source>
        <translation>No se puede escribir en el almacén {database} ({detail}).</translation>
    </message>
    <message>
        <source>Check free disk space and that the folder is writable by you. Nothing was changed.</source>
        <translation>Compruebe el espacio libre en disco y que puede escribir en la carpeta. No se modificó nada.</translation>
    </message>
    <message>
        <source>An interrupted setup left an empty database file {database} and no key.</source>
        <translation>Una configuración interrumpida dejó un archivo de base de datos vacío {database} y ninguna clave.</translation>
    </message>
    <message>
        <source>It holds no data. Start Promptdesk again to set up a new library.</source>
        <translation>No contiene datos. Inicie Promptdesk de nuevo para configurar una biblioteca nueva.</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least {minimum} characters.</source>
        <translation>La frase de contraseña es demasiado corta: use al menos {minimum} caracteres.</translation>
    </message>
    <message>
        <source>A few unrelated words make a passphrase that is long and easy to remember.</source>
        <translation>Unas cuantas palabras sin relación forman una frase de contraseña larga y fácil de recordar.</translation>
    </message>
    <message>
        <source>The key does not open the store {database}.</source>
        <translation>La clave no abre el almacén {database}.</translation>
    </message>
    <message>
        <source>That passphrase does not unlock this store.</source>
        <translation>Esa frase de contraseña no desbloquea este almacén.</translation>
    </message>
    <message>
        <source>Check Caps Lock and the keyboard layout and try again. If it is forgotten, choose &quot;Use recovery key…&quot;. Nothing was changed.</source>
        <translation>Compruebe Bloq Mayús y la distribución del teclado e inténtelo de nuevo. Si la ha olvidado, elija «Usar la clave de recuperación…». No se modificó nada.</translation>
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message>
        <source>Team sync status</source>
        <translation>Estado de la sincronización del equipo</translation>
    </message>
    <message>
        <source>Signed in — no workspaces</source>
        <translation>Sesión iniciada — sin espacios de trabajo</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) or branch(es) to settle (click)</source>
        <translation>
            <numerusform>%n marca o rama por resolver (haz clic)</numerusform>
            <numerusform>%n marcas o ramas por resolver (haz clic)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusText</name>
    <message numerus="yes">
        <source>Read-only: %n local change(s) cannot be sent</source>
        <translation>
            <numerusform>Solo lectura: no se puede enviar %n cambio local</numerusform>
            <numerusform>Solo lectura: no se pueden enviar %n cambios locales</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n local change(s) waiting</source>
        <translation>
            <numerusform>Sin conexión — %n cambio local pendiente</numerusform>
            <numerusform>Sin conexión — %n cambios locales pendientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Paused: a sync would delete %1 of %2 prompts</source>
        <translation>En pausa: una sincronización eliminaría %1 de %2 prompts</translation>
    </message>
    <message>
        <source>Paused: a prompt was restored on the server (click to choose)</source>
        <translation>En pausa: se restauró un prompt en el servidor (haz clic para elegir)</translation>
    </message>
    <message>
        <source>Sync error: %1</source>
        <translation>Error de sincronización: %1</translation>
    </message>
    <message numerus="yes">
        <source>Syncing %n change(s)</source>
        <translation>
            <numerusform>Sincronizando %n cambio</numerusform>
            <numerusform>Sincronizando %n cambios</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizado</translation>
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
        <translation>Solo lectura: eres lector en %1.</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Sync a team&apos;s prompts through a Promptdesk sync server: edit offline, merge without conflict copies, see who else is editing.</source>
        <translation>Sincroniza los prompts de un equipo a través de un servidor de sincronización de Promptdesk: edita sin conexión, fusiona sin copias en conflicto y mira quién más está editando.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Servidor:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Correo electrónico:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Also remove the workspaces&apos; prompts from here</source>
        <translation>Quitar también de aquí los prompts de los espacios de trabajo</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espacio de trabajo</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Tu rol</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>New workspace…</source>
        <translation>Nuevo espacio de trabajo…</translation>
    </message>
    <message>
        <source>Members…</source>
        <translation>Miembros…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Invitation code</source>
        <translation>Código de invitación</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Unirse</translation>
    </message>
    <message>
        <source>Invitation:</source>
        <translation>Invitación:</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Revoke device</source>
        <translation>Revocar dispositivo</translation>
    </message>
    <message>
        <source>Devices signed in to this account:</source>
        <translation>Dispositivos con sesión iniciada en esta cuenta:</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2</source>
        <translation>Sesión iniciada en %1 como %2</translation>
    </message>
    <message>
        <source>Not synced on this device</source>
        <translation>No se sincroniza en este dispositivo</translation>
    </message>
    <message>
        <source>Sync this workspace on this device</source>
        <translation>Sincronizar este espacio de trabajo en este dispositivo</translation>
    </message>
    <message>
        <source>Fill in the server, your email and your password.</source>
        <translation>Rellena el servidor, tu correo electrónico y tu contraseña.</translation>
    </message>
    <message>
        <source>Remove every prompt of your workspaces from this device?</source>
        <translation>¿Quitar de este dispositivo todos los prompts de tus espacios de trabajo?</translation>
    </message>
    <message>
        <source>Signed out here, but the server could not revoke this device (%1).</source>
        <translation>Se cerró la sesión aquí, pero el servidor no pudo revocar este dispositivo (%1).</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>Nuevo espacio de trabajo</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Paste the invitation code first.</source>
        <translation>Pega primero el código de invitación.</translation>
    </message>
    <message>
        <source>Select a workspace first.</source>
        <translation>Selecciona primero un espacio de trabajo.</translation>
    </message>
    <message>
        <source>%1 (this device)</source>
        <translation>%1 (este dispositivo)</translation>
    </message>
    <message>
        <source>Select a device first.</source>
        <translation>Selecciona primero un dispositivo.</translation>
    </message>
    <message>
        <source>To sign this device out, use Sign out.</source>
        <translation>Para cerrar la sesión de este dispositivo, usa «Cerrar sesión».</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>&apos;%1&apos; is not declared; add it in Variables</source>
        <translation>«%1» no está declarada; añádela en Variables</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is declared but never used</source>
        <translation>«%1» está declarada pero no se usa</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Buscar…</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Reemplazar…</translation>
    </message>
</context>
<context>
    <name>TestsEditor</name>
    <message>
        <source>Test cases</source>
        <translation>Casos de prueba</translation>
    </message>
    <message>
        <source>Add case</source>
        <translation>Añadir caso</translation>
    </message>
    <message>
        <source>Add a test case</source>
        <translation>Añadir un caso de prueba</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Add a copy of the selected case</source>
        <translation>Añadir una copia del caso seleccionado</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete the selected case</source>
        <translation>Eliminar el caso seleccionado</translation>
    </message>
    <message>
        <source>Run case</source>
        <translation>Ejecutar caso</translation>
    </message>
    <message>
        <source>Run the prompt on the selected case and grade it</source>
        <translation>Ejecutar el prompt con el caso seleccionado y evaluarlo</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>Ejecutar todos</translation>
    </message>
    <message>
        <source>Run the prompt on every case and grade them</source>
        <translation>Ejecutar el prompt con cada caso y evaluarlos</translation>
    </message>
    <message>
        <source>No test cases yet. A case gives the prompt&apos;s variables values and says what the answer must satisfy; Run all grades every case. Add one to begin.</source>
        <translation>Aún no hay casos de prueba. Un caso da valores a las variables del prompt e indica lo que debe cumplir la respuesta; «Ejecutar todos» evalúa cada caso. Añade uno para empezar.</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Caso %1</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copia)</translation>
    </message>
    <message>
        <source>Assertion type</source>
        <translation>Tipo de aserción</translation>
    </message>
    <message>
        <source>not</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Negate the assertion</source>
        <translation>Negar la aserción</translation>
    </message>
    <message>
        <source>Pass when the check fails (promptfoo&apos;s not- prefix)</source>
        <translation>Se supera cuando la comprobación falla (el prefijo not- de promptfoo)</translation>
    </message>
    <message>
        <source>Assertion weight</source>
        <translation>Peso de la aserción</translation>
    </message>
    <message>
        <source>How much this assertion counts in the case&apos;s score</source>
        <translation>Cuánto cuenta esta aserción en la puntuación del caso</translation>
    </message>
    <message>
        <source>weight </source>
        <translation>peso </translation>
    </message>
    <message>
        <source>Assertion threshold</source>
        <translation>Umbral de la aserción</translation>
    </message>
    <message>
        <source>The score, distance, milliseconds or dollars at which it passes; blank: the type&apos;s default</source>
        <translation>La puntuación, distancia, milisegundos o dólares con que se supera; vacío: el valor por defecto del tipo</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>umbral</translation>
    </message>
    <message>
        <source>Remove assertion</source>
        <translation>Quitar aserción</translation>
    </message>
    <message>
        <source>Remove this assertion</source>
        <translation>Quitar esta aserción</translation>
    </message>
    <message>
        <source>Assertion value</source>
        <translation>Valor de la aserción</translation>
    </message>
    <message>
        <source>Not a built-in type (a plugin&apos;s)</source>
        <translation>No es un tipo integrado (de un plugin)</translation>
    </message>
    <message>
        <source>Passes when this does not hold: %1</source>
        <translation>Se supera cuando esto no se cumple: %1</translation>
    </message>
    <message>
        <source>No assertions: add what the output must contain, match or satisfy.</source>
        <translation>Sin aserciones: añade lo que la salida debe contener, coincidir o cumplir.</translation>
    </message>
    <message>
        <source>Add assertion</source>
        <translation>Añadir aserción</translation>
    </message>
    <message>
        <source>Add a check of the output to this case</source>
        <translation>Añadir a este caso una comprobación de la salida</translation>
    </message>
    <message>
        <source>Case description</source>
        <translation>Descripción del caso</translation>
    </message>
    <message>
        <source>What this case checks, e.g. a polite refusal</source>
        <translation>Qué comprueba este caso, p. ej. una negativa educada</translation>
    </message>
    <message>
        <source>Case weight</source>
        <translation>Peso del caso</translation>
    </message>
    <message>
        <source>How much this case counts in the eval&apos;s total</source>
        <translation>Cuánto cuenta este caso en el total de la evaluación</translation>
    </message>
    <message>
        <source>Case threshold</source>
        <translation>Umbral del caso</translation>
    </message>
    <message>
        <source>The weighted score, 0 to 1, at which the case passes; blank: every assertion must pass</source>
        <translation>La puntuación ponderada, de 0 a 1, con que se supera el caso; vacío: todas las aserciones deben superarse</translation>
    </message>
    <message>
        <source>every assertion must pass</source>
        <translation>todas las aserciones deben superarse</translation>
    </message>
    <message>
        <source>The prompt declares no variables.</source>
        <translation>El prompt no declara variables.</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Descripción</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valores</translation>
    </message>
    <message>
        <source>Assertions</source>
        <translation>Aserciones</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>&amp;Weight</source>
        <translation>&amp;Peso</translation>
    </message>
    <message>
        <source>T&amp;hreshold</source>
        <translation>&amp;Umbral</translation>
    </message>
    <message>
        <source>%1 (not declared)</source>
        <translation>%1 (no declarada)</translation>
    </message>
    <message>
        <source>Value of %1</source>
        <translation>Valor de %1</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>por defecto: %1</translation>
    </message>
    <message>
        <source>required (%1)</source>
        <translation>obligatorio (%1)</translation>
    </message>
</context>
<context>
    <name>TryDialog</name>
    <message>
        <source>Try “%1”</source>
        <translation>Probar «%1»</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ejecutar</translation>
    </message>
    <message>
        <source>The model&apos;s answer appears here.</source>
        <translation>La respuesta del modelo aparece aquí.</translation>
    </message>
    <message>
        <source>Nothing is kept: fork the template to keep and change it.</source>
        <translation>No se guarda nada: bifurca la plantilla para conservarla y modificarla.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>En ejecución…</translation>
    </message>
    <message>
        <source>%1 tokens in, %2 out · %3 s</source>
        <translation>%1 tokens de entrada, %2 de salida · %3 s</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Promptdesk</source>
        <translation>Desbloquear Promptdesk</translation>
    </message>
    <message>
        <source>Enter the passphrase of your encrypted library.</source>
        <translation>Introduce la frase de contraseña de tu biblioteca cifrada.</translation>
    </message>
    <message>
        <source>Promptdesk is locked. Your library stays encrypted until you unlock it.</source>
        <translation>Promptdesk está bloqueado. Tu biblioteca permanece cifrada hasta que la desbloquees.</translation>
    </message>
    <message>
        <source>Promptdesk is locked.</source>
        <translation>Promptdesk está bloqueado.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Use recovery key…</source>
        <translation>Usar la clave de recuperación…</translation>
    </message>
    <message>
        <source>Unlock with your recovery key.</source>
        <translation>Desbloquea con tu clave de recuperación.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
    <message>
        <source>That passphrase does not unlock this library. Check Caps Lock and try again, or use your recovery key.</source>
        <translation>Esa frase de contraseña no desbloquea esta biblioteca. Comprueba Bloq Mayús e inténtalo de nuevo, o usa tu clave de recuperación.</translation>
    </message>
</context>
<context>
    <name>UsageChart</name>
    <message>
        <source>Tokens in</source>
        <translation>Tokens de entrada</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Tokens de salida</translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation>Coste (USD)</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Tokens and cost per day</source>
        <translation>Tokens y coste por día</translation>
    </message>
</context>
<context>
    <name>VariableDeclarations</name>
    <message>
        <source>Use letters, digits and &apos;_&apos;, starting with a letter, as in {{ customer_name }}.</source>
        <translation>Usa letras, dígitos y &apos;_&apos;, empezando por una letra, como en {{ customer_name }}.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already declared.</source>
        <translation>«%1» ya está declarada.</translation>
    </message>
    <message>
        <source>Variable declarations</source>
        <translation>Declaraciones de variables</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatorio</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Predeterminado</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Choices as a|b|c; bounds of numbers as 1..10 (either side optional)</source>
        <translation>Opciones como a|b|c; límites numéricos como 1..10 (cualquier extremo es opcional)</translation>
    </message>
    <message>
        <source>Add variable…</source>
        <translation>Añadir variable…</translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation>Añadir variable</translation>
    </message>
    <message>
        <source>Declare a new variable</source>
        <translation>Declarar una variable nueva</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove variable</source>
        <translation>Quitar variable</translation>
    </message>
    <message>
        <source>Remove the selected variables</source>
        <translation>Quitar las variables seleccionadas</translation>
    </message>
    <message>
        <source>Type of %1</source>
        <translation>Tipo de %1</translation>
    </message>
    <message>
        <source>Used in the template but not declared: %1.</source>
        <translation>Usadas en la plantilla pero sin declarar: %1.</translation>
    </message>
    <message>
        <source>Declare all</source>
        <translation>Declarar todas</translation>
    </message>
    <message>
        <source>Name (use it in the template as {{ name }}):</source>
        <translation>Nombre (úsalo en la plantilla como {{ name }}):</translation>
    </message>
    <message>
        <source>e.g. customer_name</source>
        <translation>p. ej., customer_name</translation>
    </message>
    <message>
        <source>bounds are written as 1..10</source>
        <translation>los límites se escriben como 1..10</translation>
    </message>
    <message>
        <source>is declared twice</source>
        <translation>está declarada dos veces</translation>
    </message>
    <message>
        <source>bounds are numbers, as in 1..10</source>
        <translation>los límites son números, como en 1..10</translation>
    </message>
</context>
<context>
    <name>VariablesForm</name>
    <message>
        <source>This prompt has no variables. Declare them under Variables and use them in the template as {{ name }}.</source>
        <translation>Este prompt no tiene variables. Decláralas en Variables y úsalas en la plantilla como {{ name }}.</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (obligatorio)</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatorio</translation>
    </message>
</context>
<context>
    <name>VersionsPanel</name>
    <message>
        <source>Use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos; (at most 64), not &apos;working&apos;.</source>
        <translation>Usa letras, dígitos, &apos;-&apos;, &apos;_&apos; y &apos;.&apos; (64 como máximo), pero no &apos;working&apos;.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already used.</source>
        <translation>«%1» ya está en uso.</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Rama</translation>
    </message>
    <message>
        <source>Commit…</source>
        <translation>Confirmar…</translation>
    </message>
    <message>
        <source>New branch…</source>
        <translation>Nueva rama…</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Fusionar…</translation>
    </message>
    <message>
        <source>Set label…</source>
        <translation>Establecer marca…</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versiones</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Marcas</translation>
    </message>
    <message>
        <source>production → %1</source>
        <translation>production → %1</translation>
    </message>
    <message>
        <source>no production version</source>
        <translation>sin versión production</translation>
    </message>
    <message>
        <source>Protected: %1</source>
        <translation>Protegidas: %1</translation>
    </message>
    <message>
        <source>working copy</source>
        <translation>copia de trabajo</translation>
    </message>
    <message>
        <source>Commit a version</source>
        <translation>Confirmar una versión</translation>
    </message>
    <message>
        <source>What changed?</source>
        <translation>¿Qué ha cambiado?</translation>
    </message>
    <message>
        <source>Committed %1.</source>
        <translation>Versión %1 confirmada.</translation>
    </message>
    <message>
        <source>New branch</source>
        <translation>Nueva rama</translation>
    </message>
    <message>
        <source>Name of the new branch (it is checked out):</source>
        <translation>Nombre de la nueva rama (se cambiará a ella):</translation>
    </message>
    <message>
        <source>e.g. shorter</source>
        <translation>p. ej., breve</translation>
    </message>
    <message>
        <source>Switch branch</source>
        <translation>Cambiar de rama</translation>
    </message>
    <message>
        <source>Check out:</source>
        <translation>Cambiar a:</translation>
    </message>
    <message>
        <source>Merge this branch into %1:</source>
        <translation>Fusionar esta rama en %1:</translation>
    </message>
    <message>
        <source>Merged %1.</source>
        <translation>Rama %1 fusionada.</translation>
    </message>
    <message>
        <source>Commit a version first, then label it.</source>
        <translation>Confirma primero una versión y luego ponle una marca.</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Set label on this version…</source>
        <translation>Establecer marca en esta versión…</translation>
    </message>
    <message>
        <source>New branch from this version…</source>
        <translation>Nueva rama desde esta versión…</translation>
    </message>
    <message>
        <source>Copy version id</source>
        <translation>Copiar ID de versión</translation>
    </message>
    <message>
        <source>Commit version…</source>
        <translation>Confirmar versión…</translation>
    </message>
    <message>
        <source>Merge branch…</source>
        <translation>Fusionar rama…</translation>
    </message>
    <message>
        <source>There is no other branch to merge.</source>
        <translation>No hay otra rama que fusionar.</translation>
    </message>
    <message>
        <source>Select a version to compare it with your working copy; Ctrl+click a second one to compare the two.</source>
        <translation>Seleccione una versión para compararla con su copia de trabajo; Ctrl+clic en una segunda compara las dos.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionar</translation>
    </message>
    <message>
        <source>Protected label</source>
        <translation>Marca protegida</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is protected. Move it to this version anyway?</source>
        <translation>«%1» está protegida. ¿Moverla a esta versión de todos modos?</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Promptdesk</source>
        <translation>Te damos la bienvenida a Promptdesk</translation>
    </message>
    <message>
        <source>Promptdesk keeps your prompts, versions, runs and file context in an encrypted library on this computer. It runs a small local model with no account and no network, and any provider you add a key for.

Setting up takes a minute.</source>
        <translation>Promptdesk guarda tus prompts, versiones, ejecuciones y el contexto de tus archivos en una biblioteca cifrada en este equipo. Ejecuta un pequeño modelo local sin cuenta ni red, y cualquier proveedor para el que añadas una clave.

La configuración lleva un minuto.</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>Promptdesk hit an error it did not expect. Your work is saved; you can go on.</source>
        <translation>Promptdesk encontró un error inesperado. Tu trabajo está guardado; puedes continuar.</translation>
    </message>
</context>
</TS>
