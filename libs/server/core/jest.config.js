const { serverProject } = require('../../../jest.shared');

module.exports = serverProject('server-core', __dirname);
