// n8n-core writes an encryption-key file under $N8N_USER_FOLDER; keep it out of $HOME.
const path = require('node:path');
process.env.N8N_USER_FOLDER = path.join(__dirname, '..', '..', 'test-output', 'n8n-user');
process.env.N8N_ENCRYPTION_KEY = process.env.N8N_ENCRYPTION_KEY || 'test-encryption-key-not-secret';
