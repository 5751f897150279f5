import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { App } from './components/App';
import { createClient } from './api/client';
import { chooseTransport } from './api/transport';

// Chosen first thing: in browser mode this also moves the token out of the address bar.
const call = createClient(chooseTransport());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App call={call} />
  </StrictMode>,
);
