const { serverProject } = require('../../../jest.shared');

module.exports = serverProject('server-schema', __dirname);
