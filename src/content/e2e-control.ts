/**
 * Test-only content script, declared only in the E2E build's manifest and only for the harness's control page
 * (vite.config.ts): that page is normal, so it gets no reader, yet the Firefox harness opens extension tabs from it.
 */
import { installE2eBridge } from './e2e-bridge.ts';

installE2eBridge(window);
