import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.KONVENT_DEV_API ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': api,
      '/healthz': api,
      '/socket.io': { target: api, ws: true },
      '/collab': { target: api, ws: true },
    },
  },
  build: { sourcemap: true, chunkSizeWarningLimit: 2000 },
});
