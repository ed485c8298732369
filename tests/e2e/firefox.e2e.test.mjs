import { launchFirefox } from './harness/launch-firefox.mjs';
import { browserSuite } from './scenarios/suite.mjs';

browserSuite('firefox', launchFirefox);
