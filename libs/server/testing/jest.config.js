const { serverProject } = require('../../../jest.shared');

module.exports = serverProject('server-testing', __dirname);
