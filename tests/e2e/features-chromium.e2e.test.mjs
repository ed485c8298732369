import { launchChromium } from './harness/launch-chromium.mjs';
import { featureSuite } from './features/suite.mjs';

featureSuite('chromium', launchChromium);
