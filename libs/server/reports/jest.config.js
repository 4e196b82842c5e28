const { serverProject } = require('../../../jest.shared');

module.exports = serverProject('server-reports', __dirname);
