// A first page: shows whether the API and database are up. The explorer UI replaces it.
const app = document.querySelector<HTMLDivElement>('#app')!;
const status = document.createElement('p');
status.textContent = 'Checking the database…';
app.replaceChildren(Object.assign(document.createElement('h1'), { textContent: 'newsgraph' }), status);
fetch('/api/health')
  .then(async (res) => {
    const body = await res.json();
    status.textContent = res.ok
      ? `Neo4j ${body.database.version}: ${body.counts.nodes} nodes, ${body.counts.relationships} relationships`
      : body.error.message;
  })
  .catch(() => (status.textContent = 'The API is not reachable.'));
