export * from './model/types';
export { analyze, type Analysis } from './analyze';
export { decodeModel, NAMESPACE_NAME_LABEL, type DecodedModel } from './decode/decodeModel';
export { evaluateModel, listConnections, type Connection, type Evaluation, type ExternalPeer } from './evaluate/evaluateModel';
export { ALL_CONNS, NO_CONNS, formatConnSet, hasConn, isAllConns, isEmptyConns, equalConns, unionConns, intersectConns, connSetOf, type ConnSet } from './evaluate/connSet';
export { formatConnlistTxt, sortConnections } from './format/formatConnlistTxt';
export { matchesSelector, isEmptySelector } from './selectors/matchesSelector';
export { explainConnection, type Endpoint, type ExplainQuery, type Explanation, type SideExplanation, type RuleVerdict, type PeerVerdict, type PortVerdict } from './evaluate/explainConnection';
export type { CompiledModel, CompiledRule, Direction } from './evaluate/compileModel';
