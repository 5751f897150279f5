import type { WorkspaceInfo } from '../../../src/api/contract';
import type { Call } from '../api/client';
import { readRateResult } from '../api/readRateResult';
import { useUrlControls } from '../controls/useUrlControls';
import { useAsync } from '../hooks/useAsync';
import { ControlsBar } from './ControlsBar';
import { ParticipationPanel } from './ParticipationPanel';

export const PARTICIPATION_MODEL = 'participation_rate';

/** The controls and the participation result they select. */
export function ParticipationView({ info, call }: { info: WorkspaceInfo; call: Call }) {
  const [controls, setControls] = useUrlControls(info);
  const { period, dimension, k } = controls;
  const result = useAsync(
    () => call('runModel', { model: PARTICIPATION_MODEL, params: { period, dimension, k } }).then(readRateResult),
    [call, period, dimension, k],
  );
  return (
    <>
      <ControlsBar info={info} controls={controls} onChange={setControls} />
      <ParticipationPanel state={result} />
    </>
  );
}
