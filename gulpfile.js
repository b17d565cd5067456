/**
 * Build steps tsc does not do, as a dependency-free Node script (`node gulpfile.js <task>`):
 *  - clean:  remove dist/
 *  - build:  copy icons next to the compiled nodes/credentials, and bundle fast-xml-parser into
 *            dist/vendor so the published package has no runtime `dependencies` (n8n's
 *            community-node rules forbid them).
 */
const fs = require('node:fs');
const path = require('node:path');

const root = __dirname;
const dist = path.join(root, 'dist');

function walk(dir, onFile) {
	if (!fs.existsSync(dir)) return;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) walk(full, onFile);
		else onFile(full);
	}
}

function clean() {
	fs.rmSync(dist, { recursive: true, force: true });
}

function copyIcons() {
	for (const folder of ['nodes', 'credentials', 'icons']) {
		walk(path.join(root, folder), (file) => {
			if (!/\.(svg|png)$/.test(file)) return;
			const target = path.join(dist, path.relative(root, file));
			fs.mkdirSync(path.dirname(target), { recursive: true });
			fs.copyFileSync(file, target);
		});
	}
}

const VENDORED = [
	{
		module: 'fast-xml-parser',
		from: path.join(root, 'node_modules', 'fast-xml-parser', 'lib', 'fxp.cjs'),
		license: path.join(root, 'node_modules', 'fast-xml-parser', 'LICENSE'),
		to: path.join(dist, 'vendor', 'fast-xml-parser', 'fxp.cjs'),
	},
];

function bundleVendored() {
	for (const v of VENDORED) {
		fs.mkdirSync(path.dirname(v.to), { recursive: true });
		fs.copyFileSync(v.from, v.to);
		if (fs.existsSync(v.license)) fs.copyFileSync(v.license, path.join(path.dirname(v.to), 'LICENSE'));
	}
	// Point every compiled require of a vendored module at its copy inside dist/.
	walk(dist, (file) => {
		if (!file.endsWith('.js') || file.startsWith(path.join(dist, 'vendor'))) return;
		let source = fs.readFileSync(file, 'utf8');
		let changed = false;
		for (const v of VENDORED) {
			const needle = `require("${v.module}")`;
			if (!source.includes(needle)) continue;
			let rel = path.relative(path.dirname(file), v.to).split(path.sep).join('/');
			if (!rel.startsWith('.')) rel = `./${rel}`;
			source = source.split(needle).join(`require("${rel}")`);
			changed = true;
		}
		if (changed) fs.writeFileSync(file, source);
	});
}

const tasks = {
	clean,
	build() {
		copyIcons();
		bundleVendored();
	},
};

const name = process.argv[2] || 'build';
if (!tasks[name]) {
	console.error(`unknown task "${name}"; tasks: ${Object.keys(tasks).join(', ')}`);
	process.exit(1);
}
tasks[name]();
