import { createContext } from 'react';
import type { Call } from '../api/client';
import { ResultStore } from './resultStore';
import { ViewStatus } from './viewStatus';
import { CancelHub } from './cancelHub';

export interface DataContextValue {
  call: Call;
  store: ResultStore;
  status: ViewStatus;
  /** The page's Cancel: abandons every request still waiting. */
  cancels: CancelHub;
  /** Bumped by "Compute again" after a cancel, so cancelled charts ask again. */
  retries: number;
}

export const DataContext = createContext<DataContextValue>({
  call: () => Promise.reject(new Error('no core')),
  store: new ResultStore(() => Promise.reject(new Error('no core'))),
  status: new ViewStatus(undefined),
  cancels: new CancelHub(),
  retries: 0,
});
