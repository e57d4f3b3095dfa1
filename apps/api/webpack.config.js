// Nest's default webpack config treats everything in node_modules as external. Our own workspace
// packages (@klasteris/*) are TypeScript sources symlinked there, so they must be bundled; so is
// marked, whose package entry is ESM only (mail templates render Markdown).
const nodeExternals = require('webpack-node-externals');

module.exports = (options) => ({
  ...options,
  externals: [nodeExternals({ allowlist: [/^@klasteris\//, /^marked$/] })],
  output: { ...options.output, path: require('path').resolve(__dirname, '../../dist/apps/api'), filename: 'main.js' },
});
