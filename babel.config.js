// Babel for Taro builds (jest uses @swc/jest instead).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
}
