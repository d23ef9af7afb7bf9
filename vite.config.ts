import { readFileSync } from 'node:fs';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

/** The manifest names managed_schema.json (policy schema) but @crxjs does not copy it: emit it here. */
function managedSchema(): Plugin {
  return {
    name: 'softbar-managed-schema',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'managed_schema.json',
        source: readFileSync('managed_schema.json'),
      });
    },
  };
}

export default defineConfig({
  plugins: [preact(), crx({ manifest }), managedSchema()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Extension code is read from disk, not the network: minifying buys little and readable output helps review.
    minify: false,
    sourcemap: false,
    target: 'chrome116',
    // Pages the manifest does not name, which @crxjs only emits when they are build inputs: the offscreen
    // document and the vendor-screen window that host vendor frames (src/background/frames), and the
    // sandboxed page they host for remote vendor scripts (src/sandbox, the manifest's `sandbox.pages`).
    rolldownOptions: {
      input: {
        offscreen: 'src/offscreen/index.html',
        'vendor-screen': 'src/vendor-screen/index.html',
        sandbox: 'src/sandbox/index.html',
      },
    },
  },
});
