import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = resolve(__dirname, '..');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

/**
 * One build for every runtime: Electron main (which also yields the standalone hub), the preload, and the four
 * pages the hub serves at /kiosk, /projector, /admin and /phone.
 */
export default defineConfig({
  main: {
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      outDir: resolve(root, 'out/main'),
      rollupOptions: {
        input: {
          index: resolve(root, 'src/main/index.ts'),
          hub: resolve(root, 'src/hub/cli/cli.ts'),
          export: resolve(root, 'src/hub/cli/exportCli.ts'),
          harness: resolve(root, 'src/hub/cli/harnessCli.ts'),
          // Pure, and loaded by scripts/electron-native.mjs and the packaging hook as well.
          nativeBinding: resolve(root, 'src/main/nativeBinding.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      rollupOptions: { input: { index: resolve(root, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    base: '/',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves renderer code unminified; the phone page comes over a venue's Wi-Fi (budget: 150 kB).
      minify: true,
      rollupOptions: {
        input: {
          kiosk: resolve(root, 'src/renderer/kiosk/index.html'),
          projector: resolve(root, 'src/renderer/projector/index.html'),
          admin: resolve(root, 'src/renderer/admin/index.html'),
          // A visitor's own phone in the talk room (audience mode): no three.js, small enough for a venue's Wi-Fi.
          phone: resolve(root, 'src/renderer/phone/index.html'),
          preview: resolve(root, 'src/renderer/preview/index.html'),
          // The presenter's remote (src/hub/live): big buttons on a phone, no three.js.
          remote: resolve(root, 'src/renderer/remote/index.html'),
          // A workshop participant's own phone or laptop (src/hub/workshop): the phone's screens, no three.js.
          workshop: resolve(root, 'src/renderer/workshop/index.html'),
        },
      },
    },
  },
});
