const { serverProject } = require('../../../jest.shared');

module.exports = serverProject('server-notifications', __dirname);
