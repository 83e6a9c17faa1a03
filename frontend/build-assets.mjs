// Builds frontend/dist from the npm packages pinned in package-lock.json:
//   dist/portal.css         DKFDS subset + the portal's rules (scss/portal.scss), compressed
//   dist/fonts/*.woff2      IBM Plex Sans, Latin-1 subset, 3 weights
//   dist/leaflet.js|.css    Leaflet for the map (loaded only when a map is shown)
//   dist/img/marker-*.png   Leaflet's marker images
// dist/ is committed so that building and running the C++ server needs no Node.js; the browser
// test "frontend dist is up to date" rebuilds it into a temporary folder and compares.
// Run: cd frontend && npm ci && npm run build   (or: node build-assets.mjs OUTPUT_DIR)
import { compile } from 'sass';
import { copyFileSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ? resolve(process.argv[2]) : join(here, 'dist');
const dkfds = join(here, 'node_modules/dkfds/dist');
const leaflet = join(here, 'node_modules/leaflet/dist');
mkdirSync(join(out, 'fonts'), { recursive: true });
mkdirSync(join(out, 'img'), { recursive: true });

const css = compile(join(here, 'scss/portal.scss'), {
  loadPaths: [join(dkfds, 'scss'), join(here, 'scss')],
  style: 'compressed',
  silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'slash-div'],
  quietDeps: true,
}).css;
writeFileSync(join(out, 'portal.css'), css + '\n');

for (const weight of ['Regular', 'SemiBold', 'Bold']) {
  const name = `IBMPlexSans-${weight}-Latin1.woff2`;
  copyFileSync(join(dkfds, 'fonts/IBMPlexSans/split/woff2', name), join(out, 'fonts', name));
}
copyFileSync(join(leaflet, 'leaflet.js'), join(out, 'leaflet.js'));
// Leaflet's CSS refers to images relative to itself; the server serves them under /assets/img/.
writeFileSync(join(out, 'leaflet.css'),
  readFileSync(join(leaflet, 'leaflet.css'), 'utf8').replaceAll('images/', '/assets/img/'));
for (const img of ['marker-icon.png', 'marker-icon-2x.png', 'marker-shadow.png', 'layers.png', 'layers-2x.png']) {
  copyFileSync(join(leaflet, 'images', img), join(out, 'img', img));
}
console.log(`dist/portal.css: ${css.length} bytes`);
