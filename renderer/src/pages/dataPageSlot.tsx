import type { ComponentType } from 'react';
import type { WorkspaceInfo } from '../../../src/api/contract';
import type { Call } from '../api/client';
import { Notice } from '../components/Notice';

/** What the Data page (imports, mapping, data quality) takes. */
export interface DataPageProps {
  info: WorkspaceInfo;
  call: Call;
  /** Called after anything that changed the workspace, so that the dashboards fetch afresh. */
  onChanged: () => void;
}

/**
 * The Data page lives in ./data/DataPage.tsx (another part of the app). Until it is there,
 * this placeholder stands in; the glob finds it at build time once it exists, with no change
 * needed here.
 */
const found = import.meta.glob<{ DataPage?: ComponentType<DataPageProps> }>('./data/DataPage.tsx', { eager: true });

function DataPagePlaceholder({ info }: DataPageProps) {
  return (
    <section className="panel" data-testid="data-placeholder">
      <h1 className="page-title">Data</h1>
      <Notice kind="empty" title="Imports">
        {info.imports.length} files are imported into this workspace. Importing, mapping and data quality are on this page in the full app;
        meanwhile, import from the command line: pathways import FILE --workspace W.
      </Notice>
    </section>
  );
}

export const DataPage: ComponentType<DataPageProps> = Object.values(found)[0]?.DataPage ?? DataPagePlaceholder;
