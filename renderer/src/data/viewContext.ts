import { createContext } from 'react';
import type { ModelParamsInput, ModelSummary, WorkspaceInfo } from '../../../src/api/contract';
import type { Controls } from '../controls/urlControls';

/** What every page and chart of the dashboard reads: the workspace, its models and the view's controls. */
export interface ViewContextValue {
  info: WorkspaceInfo;
  models: ReadonlyMap<string, ModelSummary>;
  controls: Controls;
  /** The model parameters the controls set (viewParams). */
  params: ModelParamsInput;
  setControls: (next: Partial<Controls>, hash?: string) => void;
}

export const ViewContext = createContext<ViewContextValue | null>(null);
