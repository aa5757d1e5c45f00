import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without types
import { SOURCE_BUILD_NODE, sourceBuildNodeProblem } from './electron-native.mjs';

describe('the Electron build of SQLite from source', () => {
  it('says in one line that it needs Node 22.12 on an older Node', () => {
    const line = sourceBuildNodeProblem('v20.20.2') as string;
    expect(line).toContain(`needs Node ${SOURCE_BUILD_NODE} or later (this is Node 20.20.2)`);
    expect(line).not.toContain('\n');
    expect(sourceBuildNodeProblem('22.11.0')).not.toBeNull();
  });

  it('goes ahead on Node 22.12 and later', () => {
    expect(sourceBuildNodeProblem('v22.12.0')).toBeNull();
    expect(sourceBuildNodeProblem('v24.1.0')).toBeNull();
  });
});
