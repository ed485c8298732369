import { launchChromium } from './harness/launch-chromium.mjs';
import { browserSuite } from './scenarios/suite.mjs';

browserSuite('chromium', launchChromium);
