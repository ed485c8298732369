import { launchFirefox } from './firefox.mjs';
import { browserSuite } from './scenario-suite.mjs';

browserSuite('firefox', launchFirefox);
