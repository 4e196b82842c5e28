const { serverProject } = require('../../../jest.shared');

module.exports = serverProject('server-exchange', __dirname);
