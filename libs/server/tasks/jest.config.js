const { serverProject } = require('../../../jest.shared');

module.exports = serverProject('server-tasks', __dirname);
