import { describeScopeMatrix } from './scope-matrix';
import { MATRIX, OperationName, setUpVolunteersScope, snapshot } from './volunteers-scope/setup';
import { trajectoryOperations } from './volunteers-scope/trajectories';

/** Role scope of Picnik trajectories and the city's reports (the matrix and its set-up are in ./volunteers-scope/setup.ts). */
describe('volunteers: role scope', () => {
  const scope = setUpVolunteersScope();
  const operations = trajectoryOperations(scope);

  describeScopeMatrix({
    matrix: MATRIX,
    rows: Object.keys(operations) as OperationName[],
    operations,
    snapshot: () => snapshot(scope.api),
    tokenOf: scope.tokenOf,
  });
});
