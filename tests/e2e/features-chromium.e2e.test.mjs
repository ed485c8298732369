import { launchChromium } from './chromium.mjs';
import { featureSuite } from './feature-suite.mjs';

featureSuite('chromium', launchChromium);
