/** The Layer scenario builder lives beside the sandbox (the demo's --once uses it too). */
export {
	DEMO_LAYER_SETUP,
	ISSUE_SCENARIO,
	buildScenario,
	layerBalances,
	layerCall,
	type LayerApi,
	type Scenario,
	type ScenarioOptions,
	type ScenarioSize,
} from '../../sandbox/thelayer/scenario';
