import { describe, it, expect } from 'vitest';
import { workspaceInfo } from '../../src/api/workspaceInfo';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { loadMentoring } from '../models/participation/fixture';

describe('workspace info for the controls', () => {
  it('lists the programs and, per dimension, the groups of at least 5 people in the latest roster', async () => {
    await withTempWorkspace(async (ws) => {
      await loadMentoring(ws, ['people', 'programs']);
      const info = await workspaceInfo(ws);
      expect(info.programs).toEqual([
        { id: 'P1', name: 'Formal Mentoring', layer: 'formal', startDate: '2024-01-01', endDate: null, eligibility: null },
        { id: 'P4', name: 'Leadership Sponsorship', layer: 'formal', startDate: '2025-05-01', endDate: null, eligibility: null },
        { id: 'P3', name: 'Old Program', layer: 'formal', startDate: '2023-01-01', endDate: '2024-12-31', eligibility: null },
        { id: 'P2', name: 'Peer Circles', layer: 'peer', startDate: '2024-06-01', endDate: null, eligibility: null },
      ]);
      // Employed on 2025-06-30: 8 women (L1 left in May), 8 men, 2 non-binary, 1 with no gender
      // recorded. The last two are under 5 and not listed.
      expect(info.groups?.gender).toEqual(['Man', 'Woman']);
      // No race/ethnicity in this roster: all 19 are "Not recorded".
      expect(info.groups?.race_ethnicity).toEqual(['Not recorded']);
    });
  });
});
