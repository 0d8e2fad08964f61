import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

/**
 * The web app is served by Vite in development (with `/api` proxied to the server) and, once built
 * into `web/dist`, by the server itself on the same origin, so cookies and CSRF work unchanged.
 * `YONGGONG_API_URL` points the dev proxy at another server (e.g. a scratch one on port 3100).
 */
export default defineConfig(({ mode }) => {
  const root = import.meta.dirname;
  const env = loadEnv(mode, root, 'YONGGONG_');
  const apiTarget = env.YONGGONG_API_URL ?? 'http://127.0.0.1:3000';
  const proxy = { '/api': { target: apiTarget, changeOrigin: false } };
  return {
    root,
    plugins: [react()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      rolldownOptions: {
        output: {
          // Libraries every page needs get stable, separately cached chunks. antd is left to automatic
          // splitting so heavy components (Table, DatePicker) stay in the lazily loaded pages using them.
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
              { name: 'data', test: /node_modules[\\/](zod|@tanstack|i18next|react-i18next|dayjs)[\\/]/ },
            ],
          },
        },
      },
    },
    server: { port: 5173, strictPort: true, proxy },
    preview: { port: 4173, proxy },
  };
});
