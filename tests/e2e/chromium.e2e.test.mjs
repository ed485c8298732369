import { launchChromium } from './chromium.mjs';
import { browserSuite } from './scenario-suite.mjs';

browserSuite('chromium', launchChromium);
