import { launchChromium } from './harness/launch-chromium.mjs';
import { settledSuite } from './features/settled-suite.mjs';

settledSuite('chromium', launchChromium);
