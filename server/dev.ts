/** `npm run dev`: the same app with Vite in middleware mode, so the client hot-reloads on the API's port. */
import { runUntilSignalled } from './lifecycle.js';

await runUntilSignalled({
  frontend: async () => {
    const { createServer } = await import('vite');
    const vite = await createServer({ server: { middlewareMode: true }, appType: 'spa' });
    return vite.middlewares;
  },
});
