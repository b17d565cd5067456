import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forEachItem } from '../../../shared/itemLoop';
import { recordList } from '../../core/records';
import { toItemError } from '../../core/syncError';
import type { SyncOperation } from '../operation';
import { Lookups } from './lookups';
import { mapProperties } from './parameters';
import { applyPreset, type MapContext, type MapOptions, type PresetName } from './preset';
import { presets } from './presets';
import { tablesFromFields, tablesFromJson } from './tables';

function readContext(ctx: IExecuteFunctions, preset: PresetName): MapContext {
	const tables =
		ctx.getNodeParameter('mappingsInput', 0, 'fields') === 'json'
			? tablesFromJson(ctx.getNodeParameter('mappingsJson', 0, ''))
			: tablesFromFields(ctx.getNodeParameter('mappings', 0, {}));
	const lookups = ctx.getNodeParameter('lookups', 0, {}) as IDataObject;
	const options = ctx.getNodeParameter('options', 0, {}) as Partial<MapOptions>;
	const receipts = preset === 'intacctReceiptToLayer' || preset === 'sage200ReceiptToLayer';
	return {
		tables,
		lookups: new Lookups(
			recordList(lookups.customers, 'lookups.customers'),
			recordList(lookups.invoices, 'lookups.invoices'),
		),
		options: {
			groupLines: options.groupLines ?? 'perLine',
			nominalCodes: options.nominalCodes ?? 'table',
			taxHandling: options.taxHandling ?? 'separateLines',
			baseCurrency: options.baseCurrency ?? 'GBP',
			sageCompany: receipts ? String(ctx.getNodeParameter('sageCompany', 0, '')) : '',
		},
	};
}

/**
 * Map: each item (a Layer record, or a receipt read from Sage) becomes the parameters of the node
 * it feeds. Tables and lookups are read once; overrides per item.
 */
export const map: SyncOperation = {
	description: mapProperties,
	outputs: ['Mapped'],
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const name = this.getNodeParameter('preset', 0) as PresetName;
		const preset = presets[name];
		const items = this.getInputData();
		let context: MapContext | undefined;
		const out = await forEachItem(
			this,
			async (itemIndex) => {
				context ??= readContext(this, name);
				const overrides = this.getNodeParameter('fieldOverrides', itemIndex, {}) as IDataObject;
				// Sage Company may differ per item (receipts read from several Sage 200 companies).
				const itemContext =
					itemIndex === 0 || !context.options.sageCompany
						? context
						: {
								...context,
								options: {
									...context.options,
									sageCompany: String(this.getNodeParameter('sageCompany', itemIndex, '')),
								},
							};
				return [applyPreset(preset, items[itemIndex].json, itemContext, overrides)];
			},
			toItemError,
		);
		return [out];
	},
};
