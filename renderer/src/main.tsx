/** Renderer entry: mounts the app. Styles are a bundled file, so the CSP needs no 'unsafe-inline'. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('Elementet #root mangler i index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
