const { serverProject } = require('../../../jest.shared');

module.exports = serverProject('server-insights', __dirname);
