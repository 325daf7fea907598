import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// In development the studio runs on Vite and forwards API calls to a running `npm start`;
// in production the API serves studio/dist itself, so both share one origin.
const apiUrl = process.env.OMNIJOURNEY_API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // zod and the line that turns its eval probe off share a chunk of their own, evaluated first: in a chunk
          // with modules that parse schemas as they load, the probe ran before the switch (a CSP violation).
          groups: [{ name: "zod", test: /[\\/]node_modules[\\/]zod[\\/]|zod-without-eval/ }],
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": { target: apiUrl, changeOrigin: true },
      "/v1": { target: apiUrl, changeOrigin: true },
      "/health": { target: apiUrl, changeOrigin: true },
    },
  },
});
