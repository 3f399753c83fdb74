// jest's test sequencer with one change: `--shard=i/n` splits the files into parts of about equal
// size (the largest file first into the lightest part), not by a hash of their paths, which gave
// npm test's two halves of the integration project 49 s and 98 s. The split depends on the files
// alone, so every part's process computes the same one. The order within a part is jest's own.
const fs = require('node:fs')
const Sequencer = require('@jest/test-sequencer').default

class BalancedShards extends Sequencer {
  shard(tests, { shardIndex, shardCount }) {
    const sized = tests
      .map((test) => ({ test, size: fs.statSync(test.path).size }))
      .sort((a, b) => b.size - a.size || (a.test.path < b.test.path ? -1 : 1))
    const parts = Array.from({ length: shardCount }, () => ({ size: 0, tests: [] }))
    for (const item of sized) {
      const lightest = parts.reduce((min, part) => (part.size < min.size ? part : min))
      lightest.size += item.size
      lightest.tests.push(item.test)
    }
    return parts[shardIndex - 1].tests
  }
}

module.exports = BalancedShards
