const fs = require('node:fs');
const path = require('node:path');

module.exports = async () => {
	fs.mkdirSync(path.join(__dirname, '..', '..', 'test-output', 'n8n-user'), { recursive: true });
};
