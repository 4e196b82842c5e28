const { serverProject } = require('../../jest.shared');

module.exports = serverProject('bench', __dirname);
