import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.KONVENT_DEV_API ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    // changeOrigin stays false: the server's origin check compares Origin with the Host it
    // receives, which must remain the dev server's own (the string shorthand rewrites it).
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': { target: api, changeOrigin: false },
      '/socket.io': { target: api, ws: true, changeOrigin: false },
      '/collab': { target: api, ws: true, changeOrigin: false },
    },
  },
  build: { sourcemap: true, chunkSizeWarningLimit: 2000 },
});
