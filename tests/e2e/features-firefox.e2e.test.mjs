import { launchFirefox } from './firefox.mjs';
import { featureSuite } from './feature-suite.mjs';

featureSuite('firefox', launchFirefox);
