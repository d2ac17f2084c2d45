/**
 * Consensus (issue 7): several annotators label the same task on their own branches; these pure
 * functions score how far they agree and merge what most of them agree on. See
 * docs/consensus.md for the rules the server and the review UI rely on.
 */
export { compareWithResolved, taskAgreement } from './agreement.ts';
export { canonicalAnswer } from './answers.ts';
export { CONSENSUS_AUTHOR, consensusDocument } from './merge.ts';
export { objectSimilarity } from './similarity.ts';
export * from './types.ts';
