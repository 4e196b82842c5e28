const { serverProject } = require('../../../jest.shared');

module.exports = serverProject('server-scheduler', __dirname);
