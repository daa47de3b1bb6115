/**
 * The environment the bundled Neo4j's JVM gets: only what Java needs to find itself, its home, its
 * locale and its temporary folder. Anything else in the app's environment (NEWSGRAPH_API_TOKEN,
 * NEO4J_PASSWORD, cloud credentials…) would be readable in /proc/<pid>/environ and by anything the
 * JVM runs, and JAVA_TOOL_OPTIONS-style variables could change how it runs.
 */
const KEPT = /^(PATH|HOME|LANG|LC_[A-Z_]+|JAVA_HOME|TMPDIR)$/;

export function jvmEnvironment(parent: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(parent)) if (KEPT.test(name) && value !== undefined) env[name] = value;
  return env;
}
