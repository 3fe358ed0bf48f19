export * from './model/types';
export { analyze, type Analysis } from './analyze';
export { decodeModel, NAMESPACE_NAME_LABEL, type DecodedModel } from './decode/decodeModel';
export { evaluateModel, listConnections, type Connection, type Evaluation, type ExternalPeer } from './evaluate/evaluateModel';
export { ALL_CONNS, NO_CONNS, formatConnSet, hasConn, isAllConns, isEmptyConns, equalConns, unionConns, intersectConns, connSetOf, type ConnSet } from './evaluate/connSet';
export { formatConnlistTxt, sortConnections } from './format/formatConnlistTxt';
export { matchesSelector, isEmptySelector } from './selectors/matchesSelector';
